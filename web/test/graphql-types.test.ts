// The generated GraphQL types (app/graphql/) must match the documents in app/**/*.server.ts and
// api/schema.graphql: regenerate them in memory and compare with the committed files.
// Fix a failure with `npm run codegen -w @lianjian/web`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { Kind, parse, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type FragmentSpreadNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

const webDir = resolve(fileURLToPath(new URL('..', import.meta.url)));

describe('generated GraphQL types', () => {
  it('are up to date with the documents and the schema', async () => {
    const outputs = (await generate({ ...config, cwd: webDir, silent: true }, false)) as Array<{ filename: string; content: string }>;
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      const path = resolve(webDir, filename);
      const committed = readFileSync(path, 'utf8');
      expect(committed, `${join('web', filename.replace(`${webDir}/`, ''))} is stale: run npm run codegen -w @lianjian/web`).toBe(content);
    }
  }, 60_000);
});

// The API refuses a document deeper than 10 (api/src/http/armor.ts, GraphQL Armor's max-depth
// with fragments not flattened: a fragment spread counts two levels, its selections one each).
const MAX_DEPTH = 10;

function depthOf(doc: DocumentNode): number {
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const count = (node: { kind: Kind; selectionSet?: SelectionSetNode } | FragmentSpreadNode, parent: number): number => {
    if ('name' in node && node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value);
      return fragment ? parent + 1 + count(fragment, 0) : parent + 1;
    }
    let depth = parent;
    const selections = 'selectionSet' in node ? (node.selectionSet?.selections ?? []) : [];
    for (const child of selections) depth = Math.max(depth, count(child as FieldNode | FragmentSpreadNode, parent + 1));
    return depth;
  };
  const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return Math.max(0, ...operations.map((o) => count(o, 0)));
}

describe('generated GraphQL documents', () => {
  it(`are within the API's depth limit (${MAX_DEPTH})`, async () => {
    const generated = await import('../app/graphql/graphql');
    const documents = Object.entries(generated).filter(([name, v]) => name.endsWith('Document') && v instanceof generated.TypedDocumentString);
    expect(documents.length).toBeGreaterThan(50);
    const tooDeep = documents.map(([name, doc]) => [name, depthOf(parse(String(doc)))] as const).filter(([, depth]) => depth > MAX_DEPTH);
    expect(tooDeep).toEqual([]);
  });
});
