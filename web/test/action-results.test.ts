// Pages read their form results through useActionResult: plain useActionData loses a refusal as
// soon as a proof badge reloads the page's data (see web/app/lib/use-action-result.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const app = join(import.meta.dirname, '..', 'app');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('action results', () => {
  it('no page calls useActionData except the hook that keeps its result', () => {
    const direct = sources(app).filter((f) => !f.endsWith('use-action-result.ts') && /\buseActionData\b/.test(readFileSync(f, 'utf8')));
    expect(direct.map((f) => f.slice(app.length + 1))).toEqual([]);
  });
});
