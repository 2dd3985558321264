// schema.prisma and the migrated database must agree: tables, columns, types, nullability,
// defaults, primary keys, unique constraints, indexes (with operator classes and predicates),
// foreign keys, enums — plus the hand-written CHECK constraints and triggers, listed here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { dmmf } from '../src/dmmf.js';
import { diffSql, hasStatements, migrationsTarget, schemaTarget, withoutNoopIndexRecreates } from '../tools/schema-engine.js';
import { actualSchema, compareSchemas, expectedSchema } from './schema-compare.js';

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = path.join(prismaDir, 'schema.prisma');
const schemaText = readFileSync(schemaFile, 'utf8');

/**
 * What the hand-written migrations (20261122102400_integrity_rules, and the indexer's
 * 20261122235900_indexer_ledger) add beyond schema.prisma; a change here must be deliberate.
 */
const HAND_WRITTEN_CHECKS = [
  'ballot.ballot_receipt_hash_size',
  'batch.batch_range',
  'batch.batch_root_size',
  'batch.batch_seq_positive',
  'batch_level.batch_level_hashes_size',
  'comment.comment_body_sha256',
  'committee.committee_term_order',
  'committee_position.committee_position_dates',
  'development_step.development_step_seq_positive',
  'development_step.development_step_step_no_range',
  'meeting_feedback.meeting_feedback_rating_range',
  'membership_transfer.membership_transfer_destination',
  'membership_transfer.membership_transfer_valid_window',
  'org_unit.org_unit_path_format',
  'outbox_record.outbox_record_leaf_size',
  'outbox_record.outbox_record_version_positive',
  'points_rule.points_rule_daily_cap_positive',
  'quiz_attempt.quiz_attempt_deadline',
  'vote.vote_seats_positive',
];
const RECORD_GUARDED = [
  'analytics_snapshot', 'appraisal_campaign', 'appraisal_result', 'attendance', 'ballot', 'comment', 'committee', 'committee_position', 'course',
  'course_completion', 'course_resource', 'decision', 'development_step',
  'dues_arrears_case', 'dues_base', 'dues_hardship', 'dues_payment', 'dues_remittance', 'level_request', 'meeting', 'meeting_feedback',
  'meeting_registration', 'member', 'member_feedback', 'membership_transfer', 'mentor_assignment', 'milestone',
  'notice', 'notice_receipt', 'org_unit', 'peer_assessment', 'points_entry', 'points_rule', 'quiz', 'quiz_attempt', 'quiz_question',
  'self_assessment', 'vote', 'vote_eligible_voter', 'vote_option', 'vote_tally', 'voter_roll_entry',
];
const ANALYTICS_CAPTURED = [
  'appraisal_result', 'attendance', 'course_completion', 'development_step', 'meeting', 'member', 'member_feedback',
  'membership_transfer', 'org_unit', 'points_entry', 'quiz_attempt',
];
const HAND_WRITTEN_TRIGGERS = [
  'batch.batch_guard',
  'batch_level.batch_level_append_only',
  'dues_payment.dues_payment_append_only',
  'org_unit.org_unit_path_insert',
  'org_unit.org_unit_path_move',
  'org_unit.org_unit_path_update',
  'outbox_record.outbox_record_append_only',
  'outbox_record.outbox_record_no_truncate',
  'points_entry.points_entry_append_only',
  'record_position.record_position_append_only',
  // Every verifiable table: no change without its outbox record (deferred to commit).
  ...RECORD_GUARDED.map((t) => `${t}.${t}_requires_record`),
  // Analytics rollup capture (20261122235901_analytics_rollups).
  ...ANALYTICS_CAPTURED.flatMap((t) => ['insert', 'update', 'delete'].map((op) => `${t}.${t}_analytics_${op}`)),
  'org_unit.org_unit_analytics_move',
  // Live updates: NOTIFY lianjian_live after a change (20261215120000_live_updates).
  'inbox_item.inbox_item_live_insert', 'inbox_item.inbox_item_live_update', 'notice.notice_live_insert', 'notice.notice_live_update',
  'notice_receipt.notice_receipt_live_insert', 'notice_receipt.notice_receipt_live_update', 'batch.batch_live_anchored',
].sort();

describe('schema drift', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('compares against a DMMF generated from the current schema.prisma', () => {
    const res = spawnSync(process.execPath, [path.join(prismaDir, '../scripts/prisma-generate.mjs'), '--check'], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });

  it('finds no difference between schema.prisma and the migrated database', async () => {
    const diffs = compareSchemas(expectedSchema(dmmf, schemaText), await actualSchema(client));
    expect(diffs).toEqual([]);
  });

  it('finds exactly the hand-written CHECK constraints and triggers', async () => {
    const checks = await client.query<{ name: string }>(
      `SELECT t.relname || '.' || c.conname AS name FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND c.contype = 'c' ORDER BY 1`,
    );
    expect(checks.rows.map((r) => r.name)).toEqual(HAND_WRITTEN_CHECKS);
    const triggers = await client.query<{ name: string }>(
      `SELECT t.relname || '.' || g.tgname AS name FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT g.tgisinternal ORDER BY 1`,
    );
    expect(triggers.rows.map((r) => r.name)).toEqual(HAND_WRITTEN_TRIGGERS);
  });

  it("agrees with Prisma's own schema engine: replaying the migrations yields schema.prisma", async () => {
    const from = migrationsTarget(path.join(prismaDir, 'migrations'));
    const existing = from.tag === 'migrations' ? from.migrationDirectories.map((d) => d.migrationFile.content.value) : [];
    const { sql } = withoutNoopIndexRecreates(await diffSql(db.url, from, schemaTarget(schemaFile), schemaFile), existing);
    expect(hasStatements(sql) ? sql : '').toBe('');

    // …and the same check fails when the schema gains a column the migrations lack.
    const changed = schemaText.replace(/(model Member \{\n)/, '$1  nickname String?\n');
    const drift = withoutNoopIndexRecreates(await diffSql(db.url, from, schemaTarget(schemaFile, changed), schemaFile), existing);
    expect(drift.sql).toContain('ALTER TABLE "member" ADD COLUMN     "nickname" TEXT');
  });

  it('names the differences after the database is altered behind its back', async () => {
    await client.query(`
      ALTER TABLE member ALTER COLUMN phone SET NOT NULL;
      ALTER TABLE member ADD COLUMN nickname text;
      ALTER TABLE account ALTER COLUMN failed_attempts SET DEFAULT 3;
      DROP INDEX member_name_idx;
      CREATE INDEX member_name_idx ON member (name DESC);
      DROP INDEX tamper_alert_open_idx;
      CREATE INDEX tamper_alert_open_idx ON tamper_alert (detected_at);
      ALTER TABLE session DROP CONSTRAINT session_account_id_fkey;
      ALTER TABLE session ADD CONSTRAINT session_account_id_fkey FOREIGN KEY (account_id) REFERENCES account(id) ON DELETE RESTRICT ON UPDATE CASCADE;
      ALTER TYPE member_status ADD VALUE 'SUSPENDED';
      CREATE TABLE stray (id int);
    `);
    const diffs = compareSchemas(expectedSchema(dmmf, schemaText), await actualSchema(client));
    expect(diffs).toEqual([
      'enum member_status: values ["ACTIVE","TRANSFERRED_OUT","REVOKED","WITHDRAWN","EXPELLED","DECEASED","SUSPENDED"] in the database, ["ACTIVE","TRANSFERRED_OUT","REVOKED","WITHDRAWN","EXPELLED","DECEASED"] in schema.prisma',
      'column account.failed_attempts: default 3 in the database, 0 in schema.prisma',
      'column member.nickname: in the database but not in schema.prisma',
      'column member.phone: NOT NULL in the database, nullable in schema.prisma',
      'index member.member_name_idx: on (name DESC) in the database, (name) in schema.prisma',
      'foreign key session.session_account_id_fkey: (account_id) → account(id) ON DELETE RESTRICT ON UPDATE CASCADE in the database, (account_id) → account(id) ON DELETE CASCADE ON UPDATE CASCADE in schema.prisma',
      'table stray: in the database but not in schema.prisma',
      'index tamper_alert.tamper_alert_open_idx: WHERE (none) in the database, resolved_at IS NULL in schema.prisma',
    ]);
  });
});
