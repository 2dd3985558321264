// The admin's tamper page names each finding in words; the kinds are the auditor's (indexer), so a
// kind added there without a label here would show as "other finding" — this test says which.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../app/i18n/messages';

const auditSource = readFileSync(path.resolve(import.meta.dirname, '../../indexer/src/audit.ts'), 'utf8');
const union = /export type MismatchKind =([\s\S]*?);/.exec(auditSource)?.[1] ?? '';
const kinds = [...union.matchAll(/\|\s*'([A-Z_]+)'/g)].map((m) => m[1]!);

describe('tamper alert kinds', () => {
  it('reads the auditor’s kinds', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(10);
  });
  it('has a Chinese and an English label for every kind', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const labels = MESSAGES[locale].accounts.alertKinds;
      expect(kinds.filter((k) => !labels[k])).toEqual([]);
    }
  });
});
