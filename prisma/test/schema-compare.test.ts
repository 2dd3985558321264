// The drift comparer must name each kind of difference, or a passing drift test proves nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dmmf } from '../src/dmmf.js';
import { compareSchemas, expectedSchema, normalizePredicate, parseSchemaText, type SchemaShape } from './schema-compare.js';

const schemaText = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.prisma'), 'utf8');
const expected = () => expectedSchema(dmmf, schemaText);
const clone = (s: SchemaShape): SchemaShape => structuredClone(s);

describe('schema comparer', () => {
  it('finds nothing when both sides are equal', () => {
    expect(compareSchemas(expected(), clone(expected()))).toEqual([]);
  });

  it('describes every table of schema.prisma, with the fields the DMMF leaves out', () => {
    const e = expected();
    expect(Object.keys(e.tables)).toHaveLength(dmmf.datamodel.models.length);
    expect(e.tables.outbox_record!.columns.xid).toEqual({ type: 'xid8', nullable: false, default: 'pg_current_xact_id()' });
    expect(e.tables.outbox_record!.indexes.outbox_record_log_idx).toEqual({ unique: false, primary: false, columns: ['xid', 'id'], predicate: null });
    expect(e.tables.development_step!.indexes.development_step_pending_idx).toEqual({
      unique: false,
      primary: false,
      columns: ['approval', 'due_on'],
      predicate: "approval = 'PENDING'::approval_status",
    });
    expect(e.tables.org_unit!.indexes.org_unit_path_prefix_idx!.columns).toEqual(['path text_pattern_ops']);
    expect(e.tables.member!.columns.status).toEqual({ type: 'member_status', nullable: false, default: "'ACTIVE'::member_status" });
    expect(e.tables.api_key!.columns.scopes).toEqual({ type: 'text[]', nullable: true, default: null });
  });

  it('names a missing table, column, type, nullability and default change', () => {
    const a = clone(expected());
    delete a.tables.tamper_alert;
    delete a.tables.member!.columns.phone;
    a.tables.member!.columns.birth_date!.type = 'timestamp(3) without time zone';
    a.tables.member!.columns.address!.nullable = false;
    a.tables.account!.columns.failed_attempts!.default = '1';
    a.tables.account!.columns.extra = { type: 'integer', nullable: true, default: null };
    expect(compareSchemas(expected(), a)).toEqual([
      'column account.extra: in the database but not in schema.prisma',
      'column account.failed_attempts: default 1 in the database, 0 in schema.prisma',
      'column member.address: NOT NULL in the database, nullable in schema.prisma',
      'column member.birth_date: type timestamp(3) without time zone in the database, date in schema.prisma',
      'column member.phone: missing in the database',
      'table tamper_alert: missing in the database',
    ]);
  });

  it('names index, unique, primary key, predicate and foreign key differences', () => {
    const a = clone(expected());
    delete a.tables.member!.indexes.member_name_idx;
    a.tables.member!.indexes.member_national_id_hash_key!.unique = false;
    a.tables.org_unit!.indexes.org_unit_path_prefix_idx!.columns = ['path'];
    a.tables.tamper_alert!.indexes.tamper_alert_open_idx!.predicate = null;
    a.tables.batch_level!.indexes.batch_level_pkey!.columns = ['level', 'batch_seq'];
    a.tables.session!.foreignKeys.session_account_id_fkey!.onDelete = 'RESTRICT';
    delete a.tables.ballot!.foreignKeys.ballot_vote_id_fkey;
    expect(compareSchemas(expected(), a)).toEqual([
      'foreign key ballot.ballot_vote_id_fkey: missing in the database',
      'index batch_level.batch_level_pkey: on (level, batch_seq) in the database, (batch_seq, level) in schema.prisma',
      'index member.member_name_idx: missing in the database',
      'index member.member_national_id_hash_key: index in the database, unique index in schema.prisma',
      'index org_unit.org_unit_path_prefix_idx: on (path) in the database, (path text_pattern_ops) in schema.prisma',
      'foreign key session.session_account_id_fkey: (account_id) → account(id) ON DELETE RESTRICT ON UPDATE CASCADE in the database, (account_id) → account(id) ON DELETE CASCADE ON UPDATE CASCADE in schema.prisma',
      'index tamper_alert.tamper_alert_open_idx: WHERE (none) in the database, resolved_at IS NULL in schema.prisma',
    ]);
  });

  it('names enum differences', () => {
    const a = clone(expected());
    a.enums.member_stage = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'FULL'];
    delete a.enums.gender;
    expect(compareSchemas(expected(), a)).toEqual([
      'enum gender: missing in the database',
      'enum member_stage: values ["APPLICANT","ACTIVIST","CANDIDATE","FULL"] in the database, ["APPLICANT","ACTIVIST","CANDIDATE","PROBATIONARY","FULL"] in schema.prisma',
    ]);
  });

  it('normalises predicates the way pg_get_expr prints them', () => {
    expect(normalizePredicate('("position" IS NULL)')).toBe(normalizePredicate('"position" IS NULL'));
    expect(normalizePredicate("(approval = 'PENDING'::approval_status)")).toBe("approval = 'PENDING'::approval_status");
    expect(normalizePredicate('(a IS NULL) OR (b IS NULL)')).toBe('(a IS NULL) OR (b IS NULL)');
  });

  it('requires partial indexes to be named, so their predicate can be matched', () => {
    expect(() => parseSchemaText('model A {\n  id Int @id\n  @@index([id], where: raw("id > 0"))\n}\n')).toThrow(/explicit map/);
  });
});
