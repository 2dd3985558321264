// Every scope a check names in the API's source can be granted to a key: the checks
// (`read: 'Type'`, `partner: 'Type:action'` in authScopes) and createApiKey's validation both
// answer to PARTNER_SCOPES, so a new check with a scope nobody can hold fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTNER_SCOPES } from './scopes.js';

const SRC = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('partner scopes', () => {
  it('grants every scope an authScopes check in the source names', () => {
    const checked = new Set<string>();
    for (const file of sources(SRC)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (/^\s*(\/\/|\*)/.test(line)) continue;
        for (const m of line.matchAll(/\b(read|partner):\s*'([^']+)'/g)) checked.add(m[1] === 'read' ? `${m[2]}:read` : m[2]!);
      }
    }
    expect(checked.size).toBeGreaterThan(20);
    expect([...checked].filter((s) => !PARTNER_SCOPES.includes(s))).toEqual([]);
  });
});
