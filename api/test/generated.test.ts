// The committed generated files must match what the code produces now.
import { readFileSync } from 'node:fs';
import { dmmf } from '@lianjian/db';
import { describe, expect, it } from 'vitest';
import { withErrorCodes } from '../src/codegen/error-codes.js';
import { renderSchema } from '../src/codegen/print-schema.js';
import { renderPrismaTypes } from '../src/codegen/prisma-types.js';

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8');
const stale = (file: string) => `${file} is stale: run \`npm run schema -w @lianjian/api\` and commit the result`;

describe('generated files', () => {
  it('api/schema.graphql is up to date', () => {
    expect(read('../schema.graphql') === renderSchema(), stale('api/schema.graphql')).toBe(true);
  });

  it("api/README.md's error-code list is the catalogue", () => {
    const readme = read('../README.md');
    expect(readme === withErrorCodes(readme), stale('the error codes in api/README.md')).toBe(true);
  });

  it('api/src/generated/prisma-types.ts is up to date', () => {
    expect(read('../src/generated/prisma-types.ts') === renderPrismaTypes(dmmf), stale('api/src/generated/prisma-types.ts')).toBe(true);
  });
});
