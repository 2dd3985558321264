// The seed's one-pass record encoder must write exactly what the generic path writes: the
// document @lianjian/verify canonicalises (hence the same leaf) and the COPY line copy.ts builds,
// including the characters COPY and JSON escape, nulls, arrays and JSON columns.
import { canonicalize, makeDocument } from '@lianjian/verify';
import { describe, expect, it } from 'vitest';
import { recordData, type VerifiableModel } from '../src/records.js';
import { copyLine, tableSpec } from '../src/seed/copy.js';
import { encodeRecord } from '../src/seed/record-text.js';

const at = new Date('2026-10-31T01:02:03.004Z');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function generic(model: VerifiableModel, row: Record<string, unknown>, org: string, salt: string) {
  const doc = makeDocument({ type: model, id: row.id as string, version: 1, org, at: at.toISOString(), actor: 'system', data: recordData(model, row), salt });
  return { line: copyLine(tableSpec(model), row), document: canonicalize(doc) };
}

const cases: Array<[VerifiableModel, Record<string, unknown>]> = [
  [
    'Member',
    {
      id: uuid(1), version: 1, orgUnitId: uuid(2), name: 'Tab\there "quoted" \\ back\nslash 王伟 😀', gender: 'MALE',
      birthDate: new Date('1990-01-02T00:00:00Z'), ethnicity: '汉族', education: 'BACHELOR', occupation: null, nativePlace: '浙江',
      stage: 'FULL', status: 'ACTIVE', appliedOn: new Date('2010-01-02T00:00:00Z'), activistSince: null, candidateSince: null,
      probationarySince: null, probationEndsOn: null, probationExtended: false, fullMemberSince: null, statusChangedOn: null,
      nationalIdHash: Buffer.from([1, 2, 255]), phone: '138\r0000', address: 'x', createdAt: at, updatedAt: at,
    },
  ],
  [
    'QuizAttempt',
    {
      id: uuid(3), version: 1, orgUnitId: uuid(2), quizId: uuid(4), memberId: uuid(1), attemptNo: 2, status: 'SUBMITTED',
      questionIds: [uuid(5), uuid(6)], answers: { [uuid(6)]: [1, 0], [uuid(5)]: [3], 'a"b\\c': [] }, score: -0, maxScore: 20.5,
      passed: true, timeLimitSeconds: 900, startedAt: at, deadlineAt: at, finishedAt: null, createdAt: at, updatedAt: at,
    },
  ],
  [
    'AnalyticsSnapshot',
    {
      id: uuid(7), version: 1, orgUnitId: uuid(2), metric: 'm', title: 't', params: {}, figures: { z: 1, a: [null, true, 'é\u0001'] },
      inputRoot: Buffer.alloc(32, 7), inputCount: 3, asOfPosition: 12345678901234567890n, publishedAt: at, publishedById: null,
      createdAt: at, updatedAt: at,
    },
  ],
];

describe('one-pass record encoding', () => {
  it.each(cases)('%s: same document and COPY line as the generic path', (model, row) => {
    const enc = encodeRecord(model, row, uuid(2), 'c2FsdHNhbHRzYWx0c2FsdA');
    const want = generic(model, row, uuid(2), 'c2FsdHNhbHRzYWx0c2FsdA');
    expect(enc.document).toBe(want.document);
    expect(enc.line).toBe(want.line);
    expect(enc.at).toBe(at.toISOString());
    // Private fields stay out of the document.
    if (model === 'Member') expect(enc.document).not.toContain('138');
  });

  it('refuses what JCS refuses', () => {
    const [model, row] = cases[0]!;
    expect(() => encodeRecord(model, { ...row, name: 'lone \uD800 surrogate' }, uuid(2), 's')).toThrow(/surrogate/);
    expect(() => encodeRecord('QuizAttempt', { ...cases[1]![1], score: Number.NaN }, uuid(2), 's')).toThrow(/JSON number/);
  });
});
