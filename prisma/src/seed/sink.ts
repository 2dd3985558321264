// Collects generated rows as COPY text per table and appends, for every row of a verifiable
// entity, its outbox record: record document v1 (DESIGN.md), canonical JCS text and leaf hash.
import { canonicalize, leafHash, makeDocument, type RecordDocument } from '@lianjian/verify';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { recordData, recordOrg, type VerifiableModel } from '../records.js';
import { copyLine, tableSpec } from './copy.js';

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
    let list = this.lines.get(model);
    if (!list) this.lines.set(model, (list = []));
    list.push(copyLine(model === 'OutboxRecord' ? outboxSpec() : tableSpec(model), row));
    this.counts.set(model, (this.counts.get(model) ?? 0) + 1);
  }

  /**
   * A verifiable row as of `at` (version 1, created and updated then), plus its outbox record.
   * Returns the record's leaf, for trees the generator builds over records (tallies, analytics).
   */
  record(model: VerifiableModel & SeedTable, row: Record<string, unknown> & { id: string; orgUnitId?: string }, at: Date): Buffer {
    row.version = 1;
    row.createdAt ??= at;
    row.updatedAt ??= at;
    this.row(model, row);
    const doc: RecordDocument = {
      v: 1,
      type: model,
      id: row.id,
      version: 1,
      org: recordOrg(model, row),
      at: (row.updatedAt as Date).toISOString(),
      actor: 'system',
      data: recordData(model, row),
      salt: this.salt().toString('base64url'),
    };
    const text = canonicalize(doc);
    // node:crypto's SHA-256 is several times faster than the portable one in @lianjian/verify;
    // the first records of each type are checked against makeDocument and leafHash.
    const leaf = createHash('sha256').update(LEAF_PREFIX).update(text, 'utf8').digest();
    const n = sampled.get(model) ?? 0;
    if (n < SAMPLE_CHECKS) {
      sampled.set(model, n + 1);
      const { v: _v, salt, ...input } = doc;
      const made = makeDocument({ ...input, salt });
      if (!isDeepStrictEqual(made, doc)) throw new Error(`seed: ${model} document differs from makeDocument's`);
      if (!Buffer.from(leafHash(made)).equals(leaf)) throw new Error(`seed: ${model} leaf differs from leafHash`);
    }
    this.row('OutboxRecord', {
      entityType: model,
      entityId: row.id,
      version: 1,
      orgUnitId: doc.org,
      document: text,
      leaf,
      createdAt: row.updatedAt,
    });
    return leaf;
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
