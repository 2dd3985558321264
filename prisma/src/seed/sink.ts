// Collects generated rows as COPY text per table and appends, for every row of a verifiable
// entity, its outbox record: record document v1 (verify/PROOF-FORMAT.md), canonical JCS text and leaf hash.
import { canonicalize, leafHash, makeDocument, type RecordDocument } from '@lianjian/verify';
import { createHash, hash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { recordData, recordOrg, type VerifiableModel } from '../records.js';
import { copyLine, escapeCopy, tableSpec } from './copy.js';
import { encodeRecord, type EncodedRecord } from './record-text.js';

/** Tables in foreign-key order: a chunk is copied in this order inside one transaction. */
export const TABLE_ORDER = [
  'OrgUnit',
  'Member',
  'PointsRule',
  'Course',
  'CourseResource',
  'QuizQuestion',
  'Quiz',
  'Meeting',
  'Vote',
  'VoteOption',
  'VoteEligibleVoter',
  'VoterRollEntry',
  'Ballot',
  'VoteTally',
  'Decision',
  'Milestone',
  'DevelopmentStep',
  'LevelRequest',
  'MentorAssignment',
  'MeetingRegistration',
  'Attendance',
  'MeetingFeedback',
  'CourseCompletion',
  'QuizAttempt',
  'AppraisalCampaign',
  'SelfAssessment',
  'PeerAssessment',
  'AppraisalResult',
  'MemberFeedback',
  'PointsEntry',
  'MembershipTransfer',
  'DuesBase',
  'DuesHardship',
  'DuesPayment',
  'DuesArrearsCase',
  'DuesRemittance',
  'Committee',
  'CommitteePosition',
  'Notice',
  'NoticeReceipt',
  'Comment',
  'AnalyticsSnapshot',
  'AnalyticsSnapshotInput',
  'OutboxRecord',
] as const;
export type SeedTable = (typeof TABLE_ORDER)[number];

/** The outbox id is the database's to assign (xid too: a column default). */
export const OUTBOX_OMIT = ['id'] as const;

const LEAF_PREFIX = Buffer.from([0x00]);
let outbox: ReturnType<typeof tableSpec> | undefined;
const outboxSpec = () => (outbox ??= tableSpec('OutboxRecord', OUTBOX_OMIT));
const SAMPLE_CHECKS = 32;
const sampled = new Map<string, number>();

/** The outbox row's COPY line: the columns of outboxSpec() (checked in checkAgainstGeneric). */
function outboxLine(model: string, id: string, org: string, enc: EncodedRecord, leaf: Buffer): string {
  return `${model}\t${id}\t1\t${org}\t${escapeCopy(enc.document)}\t\\\\x${leaf.toString('hex')}\t${enc.at}\n`;
}

/**
 * The generic path, for the first records of each type (per thread): the document built field by
 * field and canonicalised by @lianjian/verify, checked by makeDocument and leafHash, and both COPY
 * lines by copy.ts. Any difference is a bug in record-text.ts.
 */
function checkAgainstGeneric(model: VerifiableModel & SeedTable, row: Record<string, unknown> & { id: string }, org: string, salt: string, enc: EncodedRecord, leaf: Buffer): void {
  const doc: RecordDocument = {
    v: 1,
    type: model,
    id: row.id,
    version: 1,
    org,
    at: (row.updatedAt as Date).toISOString(),
    actor: 'system',
    data: recordData(model, row),
    salt,
  };
  const text = canonicalize(doc);
  if (text !== enc.document) throw new Error(`seed: ${model} document text differs from canonicalize's`);
  const slow = createHash('sha256').update(LEAF_PREFIX).update(text, 'utf8').digest();
  if (!slow.equals(leaf)) throw new Error(`seed: ${model} leaf differs from SHA-256(0x00 ‖ text)`);
  const { v: _v, salt: s, ...input } = doc;
  const made = makeDocument({ ...input, salt: s });
  if (!isDeepStrictEqual(made, doc)) throw new Error(`seed: ${model} document differs from makeDocument's`);
  if (!Buffer.from(leafHash(made)).equals(leaf)) throw new Error(`seed: ${model} leaf differs from leafHash`);
  if (copyLine(tableSpec(model), row) !== enc.line) throw new Error(`seed: ${model} COPY line differs from copy.ts's`);
  const outbox = copyLine(outboxSpec(), { entityType: model, entityId: row.id, version: 1, orgUnitId: org, document: text, leaf, createdAt: row.updatedAt });
  if (outbox !== outboxLine(model, row.id, org, enc, leaf)) throw new Error(`seed: ${model} outbox COPY line differs from copy.ts's`);
}

export interface ChunkData {
  /** COPY text per table, in TABLE_ORDER. */
  tables: Array<{ model: SeedTable; text: string; rows: number }>;
  members: number;
}

export class Sink {
  private readonly lines = new Map<SeedTable, string[]>();
  readonly counts = new Map<SeedTable, number>();
  members = 0;

  /** `salt` draws each record's 16-byte salt: seeded (reproducible) or from the CSPRNG. */
  constructor(private readonly salt: () => Buffer) {}

  /** A plain row (no record document): analytics inputs. */
  row(model: SeedTable, row: Record<string, unknown>): void {
    this.push(model, copyLine(model === 'OutboxRecord' ? outboxSpec() : tableSpec(model), row));
  }

  /**
   * A verifiable row as of `at` (version 1, created and updated then), plus its outbox record.
   * Returns the record's leaf, for trees the generator builds over records (tallies, analytics).
   */
  record(model: VerifiableModel & SeedTable, row: Record<string, unknown> & { id: string; orgUnitId?: string }, at: Date): Buffer {
    row.version = 1;
    row.createdAt ??= at;
    row.updatedAt ??= at;
    const org = recordOrg(model, row);
    const salt = this.salt().toString('base64url');
    const enc = encodeRecord(model, row, org, salt);
    // One-shot SHA-256 of 0x00 ‖ UTF-8 text: U+0000 encodes as the single byte 0x00.
    const leaf = hash('sha256', '\u0000' + enc.document, 'buffer') as unknown as Buffer;
    const n = sampled.get(model) ?? 0;
    if (n < SAMPLE_CHECKS) {
      sampled.set(model, n + 1);
      checkAgainstGeneric(model, row, org, salt, enc, leaf);
    }
    this.push(model, enc.line);
    this.push('OutboxRecord', outboxLine(model, row.id, org, enc, leaf));
    return leaf;
  }

  private push(model: SeedTable, line: string): void {
    let list = this.lines.get(model);
    if (!list) this.lines.set(model, (list = []));
    list.push(line);
    this.counts.set(model, (this.counts.get(model) ?? 0) + 1);
  }

  take(): ChunkData {
    const tables: ChunkData['tables'] = [];
    for (const model of TABLE_ORDER) {
      const list = this.lines.get(model);
      if (list?.length) tables.push({ model, text: list.join(''), rows: list.length });
    }
    this.lines.clear();
    return { tables, members: this.members };
  }
}
