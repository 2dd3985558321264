// How a verification outcome and a proven record read to people (lib/verification.ts display helpers).
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../app/i18n/messages';
import { failedChecks, fieldValue, plainKey, recordFieldRows } from '../app/lib/verification';

const zh = MESSAGES['zh-CN'];
const en = MESSAGES.en;

describe('record fields for people', () => {
  it('translates enum codes, booleans and dates, and leaves what it has no words for as it is', () => {
    expect(fieldValue('stage', 'PROBATIONARY', zh)).toEqual({ text: '预备党员', raw: false });
    expect(fieldValue('stage', 'PROBATIONARY', en).text).toBe('Probationary');
    expect(fieldValue('status', 'ACTIVE', zh).text).toBe('正常');
    expect(fieldValue('gender', 'FEMALE', zh).text).toBe('女');
    expect(fieldValue('education', 'BACHELOR', zh).text).toBe('本科');
    expect(fieldValue('probationExtended', false, zh).text).toBe('否');
    expect(fieldValue('birthDate', '1959-10-18', zh).text).toBe('1959-10-18');
    expect(fieldValue('birthDate', '1959-10-18T00:00:00.000Z', zh).text).toBe('1959-10-18');
    // Times in China time, as the app writes them.
    expect(fieldValue('approvedAt', '2026-11-22T02:15:00.000Z', zh).text).toBe('2026-11-22 10:15');
    expect(fieldValue('notes', null, zh).text).toBe('—');
    expect(fieldValue('kind', 'SOMETHING_NEW', zh)).toEqual({ text: 'SOMETHING_NEW', raw: true });
    expect(fieldValue('details', { a: 1 }, zh)).toEqual({ text: '{"a":1}', raw: true });
  });

  it('lists labelled fields first in the label order, then unknown keys without a label', () => {
    const rows = recordFieldRows({ zeta: 1, stage: 'FULL', name: '张三' }, zh.verify.fields);
    expect(rows.map((r) => [r.key, r.label])).toEqual([
      ['name', '姓名'],
      ['stage', '发展阶段'],
      ['zeta', null],
    ]);
  });
});

describe('the plain sentence an outcome leads with', () => {
  it('names the anchoring time only when the record is verified on chain', () => {
    expect(plainKey({ state: 'verified' }, '2026-11-22T02:15:00.000Z')).toBe('verified');
    expect(plainKey({ state: 'verified' }, null)).toBe('verifiedNoTime');
    expect(plainKey({ state: 'anchoring' }, null)).toBe('anchoring');
    expect(zh.verify.plain.verified('2026-11-22 10:15')).toBe('这条记录自 2026-11-22 10:15 写入链上以来未被改动。');
  });

  it('has a plain sentence for every check the verifier names, in both languages', () => {
    for (const t of [zh, en]) for (const name of ['document', 'path', 'chain', 'fields']) expect(t.verify.failure[name]).toBeTruthy();
    for (const t of [zh, en]) for (const name of ['snapshot', 'inputList', 'inputRoot', 'input', 'figure', 'shown']) expect(t.analytics.plainFailure[name]).toBeTruthy();
    const report = { verified: false, offline: false, pending: false, checks: [{ name: 'document', ok: false }, { name: 'path', ok: true }, { name: 'chain', ok: null }] };
    expect(failedChecks(report as never)).toEqual(['document']);
  });
});
