// What a record document's `data` holds for a row of a verifiable entity (verify/PROOF-FORMAT.md,
// "Record documents"): the entity's fields after the change, as JSON, minus the envelope (id, version,
// org, timestamps) and minus what must never leave the database (national ID hash, phone,
// address, check-in codes, answer keys). The seed and the API both build `data` here, so a
// verifier comparing shown fields with `document.data` sees one representation everywhere.
import { dmmf, type DmmfField } from './dmmf.js';

/** Entities that get record documents; the GraphQL type name equals the model name. */
export const VERIFIABLE_MODELS = [
  'OrgUnit',
  'Member',
  'DevelopmentStep',
  'MentorAssignment',
  'Meeting',
  'MeetingRegistration',
  'Attendance',
  'MeetingFeedback',
  'Course',
  'CourseResource',
  'CourseCompletion',
  'QuizQuestion',
  'Quiz',
  'QuizAttempt',
  'AppraisalCampaign',
  'SelfAssessment',
  'PeerAssessment',
  'AppraisalResult',
  'MemberFeedback',
  'PointsRule',
  'PointsEntry',
  'Vote',
  'VoteOption',
  'VoteEligibleVoter',
  'VoterRollEntry',
  'Ballot',
  'VoteTally',
  'Decision',
  'Milestone',
  'MembershipTransfer',
  'AnalyticsSnapshot',
  'DuesBase',
  'DuesHardship',
  'DuesPayment',
  'DuesArrearsCase',
  'DuesRemittance',
  'LevelRequest',
  'Committee',
  'CommitteePosition',
  'Notice',
  'NoticeReceipt',
  'Comment',
] as const;
export type VerifiableModel = (typeof VERIFIABLE_MODELS)[number];

/** Carried by the document envelope (id, version, org, at), not repeated in `data`. */
const ENVELOPE_FIELDS = new Set(['id', 'version', 'orgUnitId', 'createdAt', 'updatedAt']);

/** Fields that stay in the database only. */
export const PRIVATE_FIELDS: Readonly<Partial<Record<VerifiableModel, readonly string[]>>> = {
  Member: ['nationalIdHash', 'phone', 'address'],
  Meeting: ['checkInCode', 'checkInExpiresAt'],
  QuizQuestion: ['correct', 'explanation'],
  // The text stays in the row, proven by `bodySha256`: a hidden comment's words are not served again with its proof.
  Comment: ['body'],
};

type Converter = (value: unknown) => unknown;

/**
 * BigInt columns whose documents keep the JSON number they held while the column was an INTEGER,
 * so a document (and its proof) of a row written before the widening stays exactly as it was and
 * the auditor's recomputation from the row matches it. Exact as a double up to 2^53; a larger
 * value is refused rather than rounded. (Other BigInt fields travel as decimal strings.)
 */
export const NUMBER_BIGINT_FIELDS: Readonly<Partial<Record<VerifiableModel, readonly string[]>>> = {
  // 20261212090100_dues_remittance_amount_bigint: whole fen of a unit's month.
  DuesRemittance: ['amountFen'],
};

/** A BigInt carried as a JSON number: exact, or refused. */
export function safeNumber(v: unknown): number {
  const n = typeof v === 'bigint' ? Number(v) : Number(v as string | number);
  if (!Number.isSafeInteger(n) || (typeof v === 'bigint' && BigInt(n) !== v)) throw new RangeError(`${String(v)} is not an integer a JSON number holds exactly`);
  return n;
}

export interface RecordFieldInfo {
  name: string;
  convert: Converter;
}

function iso(v: unknown): string {
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw new TypeError(`expected a Date, got ${String(v)}`);
  return v.toISOString();
}

function hex(v: unknown): string {
  if (!(v instanceof Uint8Array)) throw new TypeError('expected bytes');
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
}

/**
 * An enum array as node-postgres hands it over when read with plain SQL (the auditor, restore):
 * the array literal as text ('{SECRETARY,LEADER}'), since an enum's array type has no parser of
 * its own. Enum labels are bare identifiers, so the literal needs no unquoting.
 */
function enumArray(text: string): string[] {
  const inner = text.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

function converter(f: DmmfField, asNumber: boolean): Converter {
  let one: Converter;
  if (asNumber && f.type === 'BigInt') {
    one = safeNumber;
  } else if (f.type === 'DateTime') {
    one = f.nativeType?.[0] === 'Date' ? (v) => iso(v).slice(0, 10) : iso;
  } else if (f.type === 'Bytes') {
    one = hex;
  } else if (f.type === 'BigInt') {
    // JSON (and JCS) numbers are IEEE doubles: 64-bit integers travel as decimal strings.
    one = (v) => String(v);
  } else if (f.type === 'Decimal') {
    one = (v) => String(v);
  } else {
    one = (v) => v;
  }
  if (f.isList) return (v) => (v === null || v === undefined ? null : (f.kind === 'enum' && typeof v === 'string' ? enumArray(v) : (v as unknown[])).map(one));
  return (v) => (v === null || v === undefined ? null : one(v));
}

const cache = new Map<string, RecordFieldInfo[]>();

/** The fields of a verifiable model that go into `data`, with their JSON conversion. */
export function recordFields(model: VerifiableModel): RecordFieldInfo[] {
  let fields = cache.get(model);
  if (!fields) {
    const m = dmmf.datamodel.models.find((x) => x.name === model);
    if (!m) throw new Error(`unknown model ${model}`);
    const hidden = new Set(PRIVATE_FIELDS[model] ?? []);
    const numbers = new Set(NUMBER_BIGINT_FIELDS[model] ?? []);
    fields = m.fields
      .filter((f) => (f.kind === 'scalar' || f.kind === 'enum') && !ENVELOPE_FIELDS.has(f.name) && !hidden.has(f.name))
      .map((f) => ({ name: f.name, convert: converter(f, numbers.has(f.name)) }));
    cache.set(model, fields);
  }
  return fields;
}

/**
 * `data` for a row (Prisma field names and value types: Date, Uint8Array, bigint, JSON values).
 * Absent optional fields become null, so every record of a type has the same keys.
 */
export function recordData(model: VerifiableModel, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of recordFields(model)) out[f.name] = f.convert(row[f.name]);
  return out;
}

/** The `org` of a row's record document: its owning unit (an org unit owns its own records). */
export function recordOrg(model: VerifiableModel, row: { id: string; orgUnitId?: string }): string {
  if (model === 'OrgUnit') return row.id;
  if (!row.orgUnitId) throw new Error(`${model} ${row.id} has no orgUnitId`);
  return row.orgUnitId;
}
