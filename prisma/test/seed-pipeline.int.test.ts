// Every seeded history must be one the API's rules engine accepts: replayed step by step through
// applyStep it is legal at each step, it justifies the member's stage (so the engine does not
// refuse the member's next step with HISTORY_DOES_NOT_JUSTIFY_STAGE), and each row carries the
// step number, stage and details the engine itself would have written. The engine is imported by
// relative path here only: @lianjian/db does not depend on the API at runtime.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyStep } from '@lianjian/rules/pipeline';
import { foldHistory } from '@lianjian/rules/pipeline';
import { STEP, type Stage } from '@lianjian/rules/pipeline';
import type { MemberFacts, MemberStatus, PersonRef, StepDetails, StepEvent, StepInput } from '@lianjian/rules/pipeline';
import { createTestDatabase } from '../../test/db.js';
import { seed } from '../src/seed/run.js';

const MEMBERS = 200;
const LAST_DAY = '2026-10-31';

interface MemberRow {
  id: string;
  birth_date: string;
  stage: Stage;
  status: MemberStatus;
  activist_since: string | null;
  candidate_since: string | null;
  probationary_since: string | null;
  probation_ends_on: string | null;
  probation_extended: boolean;
  full_member_since: string | null;
}
interface StepRow {
  member_id: string;
  seq: number;
  step_no: number;
  stage: Stage;
  kind: StepEvent['kind'];
  occurred_on: string;
  approval: NonNullable<StepEvent['approval']>;
  approved_on: string | null;
  details: (StepDetails & Record<string, unknown>) | null;
}

let members: MemberRow[];
let stepsOf: Map<string, StepRow[]>;
/** Requests waiting on the committee (decision 013): the level above's steps not decided yet. */
let waiting: { member_id: string; kind: StepEvent['kind']; requested_on: string }[];

beforeAll(async () => {
  const db = await createTestDatabase();
  await seed(db.url, { members: MEMBERS, seed: 'pipeline-1', progress: false, workers: 0 });
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const d = (col: string) => `to_char(${col}, 'YYYY-MM-DD') AS ${col}`;
    members = (
      await c.query<MemberRow>(
        `SELECT id, ${d('birth_date')}, stage::text, status::text, ${d('activist_since')}, ${d('candidate_since')},
                ${d('probationary_since')}, ${d('probation_ends_on')}, probation_extended, ${d('full_member_since')}
           FROM member ORDER BY id`,
      )
    ).rows;
    const steps = (
      await c.query<StepRow>(
        `SELECT member_id, seq, step_no, stage::text, kind::text, ${d('occurred_on')}, approval::text,
                to_char(approved_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS approved_on, details
           FROM development_step ORDER BY member_id, seq`,
      )
    ).rows;
    stepsOf = new Map();
    for (const s of steps) stepsOf.set(s.member_id, [...(stepsOf.get(s.member_id) ?? []), s]);
    waiting = (
      await c.query<{ member_id: string; kind: StepEvent['kind']; requested_on: string }>(
        `SELECT member_id, kind::text, to_char(requested_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS requested_on FROM level_request WHERE status = 'PENDING'`,
      )
    ).rows;
  } finally {
    await c.end();
  }
}, 400_000);

/** The day each member became a full member (the confirmation approval), for mentor/sponsor checks. */
function fullOnDates(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, steps] of stepsOf) {
    const s = steps.find((x) => x.kind === 'CONFIRMATION_APPROVAL' && x.approval !== 'PENDING');
    if (s) out.set(id, s.occurred_on);
  }
  return out;
}

/** The input the API would have received for a stored step: its details, people as the engine saw them then. */
function inputOf(row: StepRow, fullOn: Map<string, string>, byId: Map<string, MemberRow>): StepInput {
  const { personIds, ...rest } = (row.details ?? {}) as StepDetails & Record<string, unknown>;
  const input = { ...rest } as StepInput;
  if (Array.isArray(personIds)) {
    input.people = personIds.map((id): PersonRef => {
      const since = fullOn.get(id);
      const p = byId.get(id);
      if (!p || !since) return { id, stage: p?.stage ?? 'APPLICANT', status: p?.status ?? 'WITHDRAWN' };
      // Full and active on the day of the assignment (later deaths or transfers do not matter).
      if (since <= row.occurred_on) return { id, stage: 'FULL', status: 'ACTIVE' };
      // The branch's first members were mentored before the seeded population existed; the seed
      // names its earliest full members, who must be active full members now, without an
      // assignment row dated before they were full (seed.int.test.ts checks the rows).
      return { id, stage: p.stage, status: p.status };
    });
  }
  return input;
}

interface Failure {
  member: string;
  seq?: number;
  kind?: string;
  problem: string;
}

describe('seeded development histories and the rules engine', () => {
  it('replays every seeded history through applyStep without a refusal, ending in the recorded stage', () => {
    expect(members.length).toBe(MEMBERS);
    const fullOn = fullOnDates();
    const byId = new Map(members.map((m) => [m.id, m]));
    const failures: Failure[] = [];
    for (const m of members) {
      const rows = stepsOf.get(m.id) ?? [];
      let facts: MemberFacts = { id: m.id, birthDate: m.birth_date, stage: 'APPLICANT', status: 'ACTIVE' };
      const fields: Record<string, unknown> = {};
      const history: StepEvent[] = [];
      for (const row of rows) {
        const spec = STEP[row.kind];
        if (row.step_no !== spec.no || row.stage !== spec.stage) {
          failures.push({ member: m.id, seq: row.seq, kind: row.kind, problem: `stored as step ${row.step_no}/${row.stage}, the engine records ${spec.no}/${spec.stage}` });
        }
        const event: StepEvent = { kind: row.kind, occurredOn: row.occurred_on, details: row.details ?? {}, approval: row.approval };
        // A decision still awaiting the higher committee has not happened for the rules.
        if (row.approval === 'PENDING') {
          history.push(event);
          continue;
        }
        const input = inputOf(row, fullOn, byId);
        const today = [row.occurred_on, row.approved_on ?? row.occurred_on, input.approvedOn ?? row.occurred_on].sort().at(-1)!;
        const r = applyStep(facts, history, { kind: row.kind, occurredOn: row.occurred_on }, input, today);
        if (!r.ok) {
          failures.push({ member: m.id, seq: row.seq, kind: row.kind, problem: `${r.code} ${JSON.stringify(r.facts ?? {})}` });
          break;
        }
        history.push(event);
        for (const e of r.effects) {
          if (e.type !== 'SET_MEMBER') continue;
          Object.assign(fields, e.fields);
          if (e.fields.stage) facts = { ...facts, stage: e.fields.stage };
          if (e.fields.status) facts = { ...facts, status: e.fields.status };
        }
      }
      if (failures.at(-1)?.member === m.id) continue;
      const justified = foldHistory(history).stage;
      if (justified !== m.stage) failures.push({ member: m.id, problem: `stage ${m.stage}, history justifies ${justified}` });
      // The refusal the API gives for the member's next step, whatever it is, when stage and history disagree.
      const probe = applyStep({ id: m.id, birthDate: m.birth_date, stage: m.stage, status: m.status }, history, { kind: 'TALK', occurredOn: LAST_DAY }, {}, LAST_DAY);
      if (!probe.ok && probe.code === 'HISTORY_DOES_NOT_JUSTIFY_STAGE') failures.push({ member: m.id, problem: probe.code });
      if (m.status === 'REVOKED' && facts.status !== 'REVOKED') failures.push({ member: m.id, problem: 'REVOKED without a revocation' });
      const same = (col: string | boolean | null, key: string) => {
        const v = fields[key] ?? (key === 'probationExtended' ? false : null);
        if (col !== v) failures.push({ member: m.id, problem: `${key}: member ${String(col)}, engine ${String(v)}` });
      };
      same(m.activist_since, 'activistSince');
      same(m.candidate_since, 'candidateSince');
      same(m.probationary_since, 'probationarySince');
      same(m.probation_ends_on, 'probationEndsOn');
      same(m.probation_extended, 'probationExtended');
      same(m.full_member_since, 'fullMemberSince');
    }
    const summary = Object.entries(
      failures.reduce<Record<string, number>>((acc, f) => {
        const key = `${f.kind ?? 'member'}: ${f.problem.split(' ')[0]}`;
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {}),
    );
    expect({ count: failures.length, summary, first: failures.slice(0, 5) }).toEqual({ count: 0, summary: [], first: [] });
  });

  it('keeps a candidate whose admission awaits the higher committee a candidate, and seeds every stage', () => {
    const stages = new Set(members.map((m) => m.stage));
    expect([...stages].sort()).toEqual(['ACTIVIST', 'APPLICANT', 'CANDIDATE', 'FULL', 'PROBATIONARY']);
    for (const m of members) {
      const rows = stepsOf.get(m.id) ?? [];
      const pending = rows.some((r) => r.kind === 'ADMISSION_APPROVAL' && r.approval === 'PENDING');
      if (pending) {
        expect(m.stage).toBe('CANDIDATE');
        expect(m.probationary_since).toBeNull();
      }
      for (const r of rows.filter((x) => x.kind === 'PROBATION_EXTENDED' || x.kind === 'MEMBERSHIP_REVOKED')) expect(r.step_no).toBe(23);
    }
    // Admission approvals awaited from the committee are requests now: the member stays a candidate.
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const r of waiting.filter((x) => x.kind === 'ADMISSION_APPROVAL')) {
      expect(byId.get(r.member_id)).toMatchObject({ stage: 'CANDIDATE', probationary_since: null });
    }
  });

  it('seeds requests waiting on the committee that the rules allow on the day they were made, none already recorded', () => {
    expect(waiting.length).toBeGreaterThan(0);
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const r of waiting) {
      const m = byId.get(r.member_id)!;
      const rows = stepsOf.get(r.member_id) ?? [];
      expect(rows.some((x) => x.kind === r.kind)).toBe(false);
      const history: StepEvent[] = rows
        .filter((x) => x.occurred_on <= r.requested_on)
        .map((x) => ({ kind: x.kind, occurredOn: x.occurred_on, details: x.details ?? {}, approval: x.approval }));
      const facts: MemberFacts = { id: m.id, birthDate: m.birth_date, stage: foldHistory(history).stage, status: 'ACTIVE' };
      const checked = applyStep(facts, history, { kind: r.kind, occurredOn: r.requested_on }, {}, r.requested_on);
      expect(checked.ok ? 'ok' : `${r.kind}: ${checked.code}`).toBe('ok');
    }
  });
});
