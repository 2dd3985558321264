import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../app/i18n/messages';

/** Every leaf key path of a dictionary (functions and strings are leaves). */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface text', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    const zh = keys(MESSAGES['zh-CN']).sort();
    const en = keys(MESSAGES.en).sort();
    expect(en).toEqual(zh);
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const path of keys(MESSAGES[locale])) {
        const leaf = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], MESSAGES[locale]);
        if (typeof leaf === 'string') expect(leaf.trim(), `${locale} ${path}`).not.toBe('');
      }
    }
  });

  it('names every stage, status and role in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = MESSAGES[locale];
      expect(Object.keys(t.stages).sort()).toEqual(['ACTIVIST', 'APPLICANT', 'CANDIDATE', 'FULL', 'PROBATIONARY']);
      expect(Object.keys(t.roles).sort()).toEqual(['ADMIN', 'LEADER', 'MEMBER', 'SECRETARY']);
      expect(Object.keys(t.statuses)).toHaveLength(6);
    }
  });
});
