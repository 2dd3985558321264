// The points ledger through GraphQL (and awardPoints, as event modules call it) on a real
// database: rule revisions and date-based selection, daily caps, idempotency per source, the
// append-only trigger, corrections, who sees and changes what, and input validation.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@lianjian/db';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, type Context } from '../src/shared/context.js';
import { awardPoints, type AwardEvent } from '../src/modules/points/award.js';
import { DEFAULT_RULES, ensureDefaultRules } from '../src/modules/points/defaults.js';
import { ACCOUNT_NAMES, apiKeyFor } from './fixtures.js';
import { ok, codeOf, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

// The clock at noon in China.
const { h, fx, as } = apiSuite({ clock: new Date('2026-03-10T04:00:00.000Z'), sessions: ACCOUNT_NAMES, others: ['partner', 'unscopedPartner'] });
let system: Context;

beforeAll(async () => {
  as.partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['PointsEntry:read', 'PointsRule:read'])).key };
  as.unscopedPartner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read'], 'no-points')).key };
  system = createContext({ prisma: h.prisma, config: h.config }, { kind: 'anonymous' }, { ip: '127.0.0.1', userAgent: null });
});

function fieldsOf(res: GqlResponse): string[] {
  return (res.errors?.[0]?.extensions.fields as { field: string }[] | undefined)?.map((f) => f.field) ?? [];
}

type Who = 'm1' | 'm2' | 'm3' | 'm4';
const unitOf: Record<Who, 'b1' | 'b1g' | 'b2' | 'b3'> = { m1: 'b1', m2: 'b1g', m3: 'b2', m4: 'b3' };

function event(who: Who, ruleCode: string, day: string, sourceId: string = randomUUID(), sourceType = 'Attendance'): AwardEvent {
  return {
    memberId: fx.members[who].id,
    orgUnitId: fx.units[unitOf[who]].id,
    ruleCode,
    occurredOn: new Date(`${day}T00:00:00.000Z`),
    sourceType,
    sourceId,
    reason: `${ruleCode} ${day}`,
  };
}

/** An event as the meetings and learning modules send it, in its own transaction. */
async function award(who: Who, ruleCode: string, day: string, sourceId?: string, sourceType?: string) {
  return h.prisma.$transaction((tx) => awardPoints(tx, system, event(who, ruleCode, day, sourceId, sourceType)));
}

/**
 * Runs `first` in a transaction that stays open (uncommitted) for a while after it, and starts
 * `second` meanwhile: without the per-member ledger lock, `second` would not see `first`'s entry.
 */
async function whileHeldOpen<T, U>(first: (tx: Prisma.TransactionClient) => Promise<T>, second: () => Promise<U>): Promise<[T, U]> {
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const a = h.prisma.$transaction(async (tx) => {
    const r = await first(tx);
    entered();
    await new Promise((done) => setTimeout(done, 400));
    return r;
  });
  await inside;
  const b = second();
  return [await a, await b];
}

const RULE = 'id code revision points dailyCap effectiveFrom effectiveTo status version orgUnitId';
const DEFINE = `mutation($input: DefinePointsRuleInput!) { definePointsRule(input: $input) { ${RULE} } }`;
const REVISE = `mutation($id: ID!, $input: ReviseRuleInput!, $v: Int) { reviseRule(ruleId: $id, input: $input, expectedVersion: $v) { ${RULE} } }`;
const RETIRE = `mutation($id: ID!, $last: Date) { retireRule(ruleId: $id, lastDay: $last) { ${RULE} } }`;
const GRANT = `mutation($input: GrantPointsInput!) { grantPoints(input: $input) { capped requestedPoints entry { id points ruleId occurredOn reason } } }`;
const CORRECT = `mutation($id: ID!, $input: CorrectPointsEntryInput!) { correctPointsEntry(entryId: $id, input: $input) { id points correctsId occurredOn corrects { id netPoints } } }`;
const TOTAL = `query($m: ID, $from: Date, $to: Date) { memberPointsTotal(memberId: $m, from: $from, to: $to) { memberId total entryCount entries { id version points } } }`;

interface Rule {
  id: string;
  code: string;
  revision: number;
  points: number;
  dailyCap: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: string;
  version: number;
}

async function entryCount(): Promise<number> {
  return h.prisma.pointsEntry.count();
}

describe('default rules', () => {
  it('ensureDefaultRules defines the seed’s codes at the root once, and the event modules’ codes find them', async () => {
    const created = await ensureDefaultRules(h.prisma, fx.units.root.id, { now: h.clock.now });
    expect(created.map((r) => r.code).sort()).toEqual(DEFAULT_RULES.map((r) => r.code).sort());
    expect(created.map((r) => r.code)).toEqual(expect.arrayContaining(['MEETING_ATTENDANCE', 'COURSE_COMPLETION', 'QUIZ_PASS']));
    expect(await ensureDefaultRules(h.prisma, fx.units.root.id)).toEqual([]);
    expect(await h.prisma.pointsRule.count({ where: { orgUnitId: fx.units.root.id } })).toBe(DEFAULT_RULES.length);
    // Each rule has its record document (version 1).
    expect(await h.prisma.outboxRecord.count({ where: { entityType: 'PointsRule', entityId: { in: created.map((r) => r.id) } } })).toBe(created.length);

    const attended = await award('m3', 'MEETING_ATTENDED', '2026-01-05');
    const completed = await award('m3', 'COURSE_COMPLETED', '2026-01-05', randomUUID(), 'CourseCompletion');
    const passed = await award('m3', 'QUIZ_PASSED', '2026-01-05', randomUUID(), 'QuizAttempt');
    const byCode = new Map(created.map((r) => [r.id, r.code]));
    expect([attended, completed, passed].map((e) => byCode.get(e!.ruleId!))).toEqual(['MEETING_ATTENDANCE', 'COURSE_COMPLETION', 'QUIZ_PASS']);
    expect([attended!.points, completed!.points, passed!.points]).toEqual([3, 5, 5]);
    expect(await award('m3', 'NO_SUCH_RULE', '2026-01-05')).toBeNull();
  });
});

describe('rule revisions', () => {
  let r1: Rule;
  let r2: Rule;
  let underR1: string;

  it('an entry made under revision 1 keeps it after revision 2; awards pick the revision in force on their day', async () => {
    r1 = ok(await h.gql<{ definePointsRule: Rule }>(DEFINE, { input: { orgUnitId: fx.units.b1.id, code: 'STUDY_NOTE', name: '学习笔记', points: 2, dailyCap: 4, effectiveFrom: '2026-01-01' } }, as.secretary)).definePointsRule;
    expect(r1).toMatchObject({ revision: 1, points: 2, dailyCap: 4, effectiveFrom: '2026-01-01', effectiveTo: null, status: 'IN_FORCE', version: 1 });
    underR1 = (await award('m1', 'STUDY_NOTE', '2026-02-01', randomUUID(), 'StudyNote'))!.id;

    r2 = ok(await h.gql<{ reviseRule: Rule }>(REVISE, { id: r1.id, v: 1, input: { effectiveFrom: '2026-03-01', points: 5, dailyCap: 10 } }, as.secretary)).reviseRule;
    expect(r2).toMatchObject({ code: 'STUDY_NOTE', revision: 2, points: 5, dailyCap: 10, effectiveFrom: '2026-03-01', effectiveTo: null, version: 1 });
    const ended = await h.prisma.pointsRule.findUniqueOrThrow({ where: { id: r1.id } });
    expect(ended).toMatchObject({ points: 2, dailyCap: 4, version: 2, effectiveTo: new Date('2026-02-28T00:00:00.000Z') });

    const earlier = await award('m1', 'STUDY_NOTE', '2026-02-15', randomUUID(), 'StudyNote');
    const later = await award('m1', 'STUDY_NOTE', '2026-03-05', randomUUID(), 'StudyNote');
    expect(earlier).toMatchObject({ ruleId: r1.id, points: 2 });
    expect(later).toMatchObject({ ruleId: r2.id, points: 5 });

    const ledger = ok(
      await h.gql<{ pointsLedger: { edges: { node: { id: string; points: number; rule: { revision: number; points: number } } }[] } }>(
        `{ pointsLedger(first: 50) { edges { node { id points rule { revision points } } } } }`,
        {},
        as.member,
      ),
    ).pointsLedger.edges.map((e) => e.node);
    expect(ledger.find((n) => n.id === underR1)).toMatchObject({ points: 2, rule: { revision: 1, points: 2 } });

    // Both versions of revision 1 are records: open-ended, then ended the day before revision 2.
    const history = ok(
      await h.gql<{ history: { edges: { node: { version: number; data: { effectiveTo: string | null; points: number } } }[] } }>(
        `query($id: ID!) { history(type: "PointsRule", id: $id) { edges { node { version data } } } }`,
        { id: r1.id },
        as.secretary,
      ),
    ).history.edges.map((e) => e.node);
    expect(history.map((v) => [v.version, v.data.effectiveTo, v.data.points])).toEqual([
      [1, null, 2],
      [2, '2026-02-28', 2],
    ]);
  });

  it('lists the revisions in force (and, on request, the ended ones) as pointsRules', async () => {
    type Q = { pointsRules: { totalCount: number; edges: { node: Rule }[] } };
    const current = ok(await h.gql<Q>(`{ pointsRules(code: "STUDY_NOTE") { totalCount edges { node { ${RULE} } } } }`, {}, as.secretary)).pointsRules;
    expect(current.edges.map((e) => e.node.revision)).toEqual([2]);
    const all = ok(await h.gql<Q>(`{ pointsRules(code: "STUDY_NOTE", includeRetired: true) { totalCount edges { node { ${RULE} } } } }`, {}, as.secretary)).pointsRules;
    expect(all.edges.map((e) => [e.node.revision, e.node.status])).toEqual([
      [2, 'IN_FORCE'],
      [1, 'ENDED'],
    ]);
    // A member sees the rules that apply to them: the committee's defaults and their branch's.
    const mine = ok(await h.gql<Q>(`{ pointsRules(first: 50) { totalCount edges { node { code orgUnitId } } } }`, {}, as.member)).pointsRules;
    expect(mine.edges.map((e) => e.node.code)).toEqual(expect.arrayContaining(['MEETING_ATTENDANCE', 'STUDY_NOTE']));
    expect(mine.totalCount).toBe(DEFAULT_RULES.length + 1);
  });

  it('revises only the newest revision, from a later date, and never past an entry it granted', async () => {
    const stale = await h.gql(REVISE, { id: r1.id, input: { effectiveFrom: '2026-04-01' } }, as.secretary);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions.latestRuleId).toBe(r2.id);
    const early = await h.gql(REVISE, { id: r2.id, input: { effectiveFrom: '2026-03-01' } }, as.secretary);
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(early)).toEqual(['input.effectiveFrom']);
    // Revision 2 granted points on 03-05: it cannot end on 03-02.
    const overlaps = await h.gql(REVISE, { id: r2.id, input: { effectiveFrom: '2026-03-03' } }, as.secretary);
    expect(codeOf(overlaps)).toBe('CONFLICT');
    expect(overlaps.errors![0]!.extensions.lastEntryOn).toBe('2026-03-05');
    const versionRace = await h.gql(REVISE, { id: r2.id, v: 7, input: { effectiveFrom: '2026-04-01' } }, as.secretary);
    expect(codeOf(versionRace)).toBe('CONFLICT');
    expect(await h.prisma.pointsRule.count({ where: { code: 'STUDY_NOTE' } })).toBe(2);
  });

  it('a unit’s own rule wins over the one above; retiring it falls back to the one above', async () => {
    ok(await h.gql(DEFINE, { input: { orgUnitId: fx.units.root.id, code: 'STUDY_NOTE', name: '学习笔记', points: 1, effectiveFrom: '2026-01-01' } }, as.admin));
    expect(await award('m3', 'STUDY_NOTE', '2026-03-06', randomUUID(), 'StudyNote')).toMatchObject({ points: 1 }); // b2: the committee's rule
    expect(await award('m2', 'STUDY_NOTE', '2026-03-06', randomUUID(), 'StudyNote')).toMatchObject({ ruleId: r2.id, points: 5 }); // b1g: b1's rule

    const tooEarly = await h.gql(RETIRE, { id: r2.id, last: '2026-03-04' }, as.secretary);
    expect(codeOf(tooEarly)).toBe('CONFLICT');
    const retired = ok(await h.gql<{ retireRule: Rule }>(RETIRE, { id: r2.id, last: '2026-03-09' }, as.secretary)).retireRule;
    expect(retired).toMatchObject({ revision: 2, effectiveTo: '2026-03-09', status: 'ENDED', version: 2 });
    expect(await award('m1', 'STUDY_NOTE', '2026-03-10', randomUUID(), 'StudyNote')).toMatchObject({ points: 1 });
    expect(codeOf(await h.gql(RETIRE, { id: r2.id, last: '2026-03-10' }, as.secretary))).toBe('CONFLICT');
  });
});

describe('daily cap', () => {
  it('refuses the third attendance of a day (3 + 3 reaches the cap of 6); the next day starts afresh', async () => {
    const day = '2026-02-02';
    const first = await award('m2', 'MEETING_ATTENDED', day);
    const second = await award('m2', 'MEETING_ATTENDED', day);
    const third = await award('m2', 'MEETING_ATTENDED', day);
    expect([first?.points, second?.points, third]).toEqual([3, 3, null]);
    expect(await award('m2', 'MEETING_ATTENDED', '2026-02-03')).toMatchObject({ points: 3 });
    // Another member's cap is their own.
    expect(await award('m1', 'MEETING_ATTENDED', day)).toMatchObject({ points: 3 });
  });

  it('cuts an award short at the cap, and a manual grant under the rule is refused once the cap is reached', async () => {
    ok(await h.gql(DEFINE, { input: { orgUnitId: fx.units.b2.id, code: 'VOLUNTEER', name: '志愿服务', points: 4, dailyCap: 6, effectiveFrom: '2026-01-01' } }, as.admin));
    const a = await award('m3', 'VOLUNTEER', '2026-02-10', randomUUID(), 'Volunteer');
    const b = await award('m3', 'VOLUNTEER', '2026-02-10', randomUUID(), 'Volunteer');
    expect([a?.points, b?.points]).toEqual([4, 2]);
    const before = await entryCount();
    const refused = await h.gql(GRANT, { input: { memberId: fx.members.m3.id, ruleCode: 'VOLUNTEER', reason: '补记', occurredOn: '2026-02-10' } }, as.admin);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.extensions.dailyCap).toBe(6);
    expect(await entryCount()).toBe(before);
    const partial = ok(await h.gql<{ grantPoints: { capped: boolean; requestedPoints: number; entry: { points: number } } }>(
      GRANT,
      { input: { memberId: fx.members.m3.id, ruleCode: 'VOLUNTEER', reason: '补记', occurredOn: '2026-02-11' } },
      as.admin,
    )).grantPoints;
    expect(partial).toMatchObject({ capped: false, requestedPoints: 4, entry: { points: 4 } });
    const cut = ok(await h.gql<{ grantPoints: { capped: boolean; entry: { points: number } } }>(
      GRANT,
      { input: { memberId: fx.members.m3.id, ruleCode: 'VOLUNTEER', reason: '补记', occurredOn: '2026-02-11' } },
      as.admin,
    )).grantPoints;
    expect(cut).toMatchObject({ capped: true, entry: { points: 2 } });
  });

  it('a reversed entry frees its share of the cap', async () => {
    const day = '2026-02-20';
    const first = (await award('m2', 'MEETING_ATTENDED', day))!;
    await award('m2', 'MEETING_ATTENDED', day);
    expect(await award('m2', 'MEETING_ATTENDED', day)).toBeNull();
    ok(await h.gql(CORRECT, { id: first.id, input: { reason: '重复登记' } }, as.secretary));
    expect(await award('m2', 'MEETING_ATTENDED', day)).toMatchObject({ points: 3 });
  });

  it('holds under concurrency: an award made while another one of the day is uncommitted sees it', async () => {
    const day = '2026-02-25';
    expect(await award('m3', 'MEETING_ATTENDED', day)).toMatchObject({ points: 3 });
    const [held, meanwhile] = await whileHeldOpen((tx) => awardPoints(tx, system, event('m3', 'MEETING_ATTENDED', day)), () => award('m3', 'MEETING_ATTENDED', day));
    expect(held).toMatchObject({ points: 3 });
    expect(meanwhile).toBeNull();
    const sum = await h.prisma.pointsEntry.aggregate({ where: { memberId: fx.members.m3.id, occurredOn: new Date(`${day}T00:00:00.000Z`) }, _sum: { points: true } });
    expect(sum._sum.points).toBe(6);
  });
});

describe('idempotency per source', () => {
  it('awards a source once, also when replayed concurrently or after its entry was reversed', async () => {
    const source = randomUUID();
    const first = await award('m1', 'COURSE_COMPLETED', '2026-02-05', source, 'CourseCompletion');
    expect(first).toMatchObject({ points: 5, sourceType: 'CourseCompletion', sourceId: source });
    expect(await award('m1', 'COURSE_COMPLETED', '2026-02-05', source, 'CourseCompletion')).toBeNull();
    ok(await h.gql(CORRECT, { id: first!.id, input: { reason: '课程未完成' } }, as.secretary));
    expect(await award('m1', 'COURSE_COMPLETED', '2026-02-05', source, 'CourseCompletion')).toBeNull();

    // The same event delivered twice at once: the second waits for the first and writes nothing.
    const racing = randomUUID();
    const [held, replay] = await whileHeldOpen(
      (tx) => awardPoints(tx, system, event('m1', 'QUIZ_PASSED', '2026-02-06', racing, 'QuizAttempt')),
      () => award('m1', 'QUIZ_PASSED', '2026-02-06', racing, 'QuizAttempt'),
    );
    expect(held).toMatchObject({ points: 5 });
    expect(replay).toBeNull();
    expect(await h.prisma.pointsEntry.count({ where: { sourceType: 'QuizAttempt', sourceId: racing } })).toBe(1);
  });
});

describe('append-only ledger', () => {
  it('refuses UPDATE and DELETE of points_entry in SQL', async () => {
    const entry = (await h.prisma.pointsEntry.findFirst({ where: { correctsId: null } }))!;
    const c = new pg.Client({ connectionString: h.dbUrl });
    await c.connect();
    try {
      await expect(c.query('UPDATE points_entry SET points = points + 1 WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
      await expect(c.query('DELETE FROM points_entry WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
      await expect(c.query('UPDATE points_entry SET reason = $2 WHERE id = $1', [entry.id, 'x'])).rejects.toThrow(/append-only/);
    } finally {
      await c.end();
    }
    expect(await h.prisma.pointsEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });
});

describe('corrections', () => {
  let grantId: string;

  it('reduces, reverses, and restores an entry, never past zero, never a correction of a correction', async () => {
    const granted = ok(await h.gql<{ grantPoints: { entry: { id: string; points: number; ruleId: string | null } } }>(
      GRANT,
      { input: { memberId: fx.members.m1.id, points: 10, reason: '优秀志愿者', occurredOn: '2026-03-01' } },
      as.secretary,
    )).grantPoints.entry;
    expect(granted).toMatchObject({ points: 10, ruleId: null });
    grantId = granted.id;

    type C = { correctPointsEntry: { id: string; points: number; correctsId: string; occurredOn: string; corrects: { netPoints: number } } };
    const reduce = ok(await h.gql<C>(CORRECT, { id: grantId, input: { points: -4, reason: '多记4分' } }, as.secretary)).correctPointsEntry;
    expect(reduce).toMatchObject({ points: -4, correctsId: grantId, occurredOn: '2026-03-10', corrects: { netPoints: 6 } });
    const reverse = ok(await h.gql<C>(CORRECT, { id: grantId, input: { reason: '撤销' } }, as.secretary)).correctPointsEntry;
    expect(reverse).toMatchObject({ points: -6, corrects: { netPoints: 0 } });

    const before = await entryCount();
    const twice = await h.gql(CORRECT, { id: grantId, input: { reason: '再次撤销' } }, as.secretary);
    expect(codeOf(twice)).toBe('CONFLICT');
    const doubleNegate = await h.gql(CORRECT, { id: grantId, input: { points: -5, reason: '再扣' } }, as.secretary);
    expect(codeOf(doubleNegate)).toBe('CONFLICT');
    const ofCorrection = await h.gql(CORRECT, { id: reverse.id, input: { reason: '撤销更正' } }, as.secretary);
    expect(codeOf(ofCorrection)).toBe('CONFLICT');
    expect(ofCorrection.errors![0]!.extensions.correctsId).toBe(grantId);
    const inflate = await h.gql(CORRECT, { id: grantId, input: { points: 11, reason: '恢复并加分' } }, as.secretary);
    expect(codeOf(inflate)).toBe('CONFLICT');
    expect(await entryCount()).toBe(before);

    const restore = ok(await h.gql<C>(CORRECT, { id: grantId, input: { points: 10, reason: '撤销有误，恢复' } }, as.secretary)).correctPointsEntry;
    expect(restore.corrects.netPoints).toBe(10);
  });

  it('a deduction is corrected towards zero from the other side', async () => {
    const deduction = ok(await h.gql<{ grantPoints: { entry: { id: string } } }>(GRANT, { input: { memberId: fx.members.m2.id, points: -3, reason: '无故缺席' } }, as.secretary)).grantPoints.entry;
    expect(codeOf(await h.gql(CORRECT, { id: deduction.id, input: { points: -1, reason: 'x' } }, as.secretary))).toBe('CONFLICT');
    const undo = ok(await h.gql<{ correctPointsEntry: { points: number; corrects: { netPoints: number } } }>(CORRECT, { id: deduction.id, input: { reason: '已请假' } }, as.secretary)).correctPointsEntry;
    expect(undo).toMatchObject({ points: 3, corrects: { netPoints: 0 } });
  });

  it('cannot correct an entry of another subtree, nor as a member or leader', async () => {
    for (const who of ['otherSecretary', 'member', 'leader'] as const) {
      const res = await h.gql(CORRECT, { id: grantId, input: { reason: '越权' } }, as[who]);
      expect(codeOf(res), who).toBe('FORBIDDEN');
    }
    const missing = await h.gql(CORRECT, { id: randomUUID(), input: { reason: 'x' } }, as.secretary);
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });

  it('the total counts originals and corrections alike', async () => {
    const t = ok(await h.gql<{ memberPointsTotal: { total: number; entryCount: number; entries: { points: number }[] } }>(TOTAL, {}, as.member)).memberPointsTotal;
    const rows = await h.prisma.pointsEntry.findMany({ where: { memberId: fx.members.m1.id } });
    expect(t.total).toBe(rows.reduce((s, r) => s + r.points, 0));
    expect(t.entryCount).toBe(rows.length);
    expect(t.entries.reduce((s, e) => s + e.points, 0)).toBe(t.total);
  });
});

describe('scoping', () => {
  type L = { pointsLedger: { totalCount: number; edges: { node: { memberId: string; orgUnitId: string } }[] } };
  const LEDGER = `query($m: ID, $u: ID) { pointsLedger(memberId: $m, under: $u, first: 100) { totalCount edges { node { memberId orgUnitId } } } }`;

  it('a member sees only their own ledger and total', async () => {
    const mine = ok(await h.gql<L>(LEDGER, {}, as.member)).pointsLedger;
    expect(mine.totalCount).toBeGreaterThan(0);
    expect(new Set(mine.edges.map((e) => e.node.memberId))).toEqual(new Set([fx.members.m1.id]));
    expect(mine.totalCount).toBe(await h.prisma.pointsEntry.count({ where: { memberId: fx.members.m1.id } }));
    for (const vars of [{ m: fx.members.m2.id }, { u: fx.units.b1.id }]) {
      const res = await h.gql(LEDGER, vars, as.member);
      expect(codeOf(res), JSON.stringify(vars)).toBe('FORBIDDEN');
    }
    expect(codeOf(await h.gql(TOTAL, { m: fx.members.m2.id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(`{ pointsRanking { rank } }`, {}, as.member))).toBe('FORBIDDEN');
    // Another member's entry, asked for by id, is refused too.
    const other = (await h.prisma.pointsEntry.findFirst({ where: { memberId: fx.members.m2.id } }))!;
    expect(codeOf(await h.gql(`query($id: ID!) { record(type: "PointsEntry", id: $id) { version } }`, { id: other.id }, as.member))).toBe('FORBIDDEN');
  });

  it('a secretary of another subtree is refused reads and writes; a leader reads but cannot write', async () => {
    expect(codeOf(await h.gql(LEDGER, { m: fx.members.m1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LEDGER, { u: fx.units.b1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(TOTAL, { m: fx.members.m1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    const before = await entryCount();
    expect(codeOf(await h.gql(GRANT, { input: { memberId: fx.members.m1.id, points: 5, reason: '越权' } }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(GRANT, { input: { memberId: fx.members.m1.id, points: 5, reason: '越权' } }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(DEFINE, { input: { orgUnitId: fx.units.b1.id, code: 'HACK', name: 'x', points: 1 } }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(DEFINE, { input: { orgUnitId: fx.units.b1.id, code: 'HACK', name: 'x', points: 1 } }, as.leader))).toBe('FORBIDDEN');
    expect(await entryCount()).toBe(before);

    const g1 = ok(await h.gql<L>(LEDGER, {}, as.leader)).pointsLedger;
    const g1Units = new Set([fx.units.g1.id, fx.units.b1.id, fx.units.b1g.id, fx.units.b2.id]);
    expect(g1.edges.length).toBeGreaterThan(0);
    expect(g1.edges.every((e) => g1Units.has(e.node.orgUnitId))).toBe(true);
    await award('m4', 'MEETING_ATTENDED', '2026-02-02');
    const own = ok(await h.gql<L>(LEDGER, {}, as.otherSecretary)).pointsLedger;
    expect(own.edges.length).toBeGreaterThan(0);
    expect(own.edges.every((e) => e.node.orgUnitId === fx.units.b3.id)).toBe(true);
  });

  it('partner keys read entries of their subtree only with the PointsEntry:read scope; anonymous callers sign in first', async () => {
    const list = ok(await h.gql<L>(LEDGER, {}, as.partner)).pointsLedger;
    expect(list.totalCount).toBe(await h.prisma.pointsEntry.count({ where: { orgUnit: { path: { startsWith: fx.units.g1.path } } } }));
    expect(codeOf(await h.gql(LEDGER, { m: fx.members.m4.id }, as.partner))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LEDGER, {}, as.unscopedPartner))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LEDGER, {}, as.anonymous))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(GRANT, { input: { memberId: fx.members.m1.id, points: 5, reason: 'x' } }, as.partner))).toBe('FORBIDDEN');
  });

  it('ranks the members of the caller’s subtree by their points there, ties sharing a rank', async () => {
    type R = { pointsRanking: { rank: number; total: number; entryCount: number; member: { id: string; name: string } }[] };
    const rows = ok(await h.gql<R>(`{ pointsRanking(first: 10) { rank total entryCount member { id name } } }`, {}, as.secretary)).pointsRanking;
    const inB1 = new Set([fx.members.m1.id, fx.members.m2.id]);
    expect(rows.length).toBe(2);
    expect(rows.every((r) => inB1.has(r.member.id))).toBe(true);
    for (const r of rows) {
      const sum = await h.prisma.pointsEntry.aggregate({ where: { memberId: r.member.id }, _sum: { points: true }, _count: { _all: true } });
      expect([r.total, r.entryCount]).toEqual([sum._sum.points, sum._count._all]);
    }
    expect(rows[0]!.total).toBeGreaterThanOrEqual(rows[1]!.total);
    expect(rows.map((r) => r.rank)).toEqual(rows[0]!.total === rows[1]!.total ? [1, 1] : [1, 2]);

    // Equal totals share a rank, and the next rank skips (1, 1, 3).
    for (const [who, points] of [['m3', 7], ['m4', 7], ['m1', 5]] as const) {
      ok(await h.gql(GRANT, { input: { memberId: fx.members[who].id, points, reason: '评比', occurredOn: '2026-01-20' } }, as.admin));
    }
    const tied = ok(await h.gql<R>(`{ pointsRanking(from: "2026-01-20", to: "2026-01-20") { rank total member { id } } }`, {}, as.admin)).pointsRanking;
    expect(tied.map((r) => [r.rank, r.total])).toEqual([
      [1, 7],
      [1, 7],
      [3, 5],
    ]);
    expect(tied[2]!.member.id).toBe(fx.members.m1.id);
    expect(codeOf(await h.gql(`query($u: ID) { pointsRanking(under: $u) { rank } }`, { u: fx.units.b3.id }, as.secretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(`{ pointsRanking(first: 101) { rank } }`, {}, as.secretary))).toBe('BAD_USER_INPUT');
  });
});

describe('ledger pages and periods', () => {
  it('lists newest first, pages with cursors, and filters by period', async () => {
    type P = { pointsLedger: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; occurredOn: string } }[] } };
    const Q = `query($after: String, $from: Date, $to: Date) { pointsLedger(first: 3, after: $after, from: $from, to: $to) { totalCount pageInfo { hasNextPage endCursor } edges { node { id occurredOn } } } }`;
    const p1 = ok(await h.gql<P>(Q, {}, as.member)).pointsLedger;
    const p2 = ok(await h.gql<P>(Q, { after: p1.pageInfo.endCursor }, as.member)).pointsLedger;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const days = [...p1.edges, ...p2.edges].map((e) => e.node.occurredOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(new Set([...p1.edges, ...p2.edges].map((e) => e.node.id)).size).toBe(6);

    const feb = ok(await h.gql<P>(Q, { from: '2026-02-01', to: '2026-02-28' }, as.member)).pointsLedger;
    expect(feb.totalCount).toBe(await h.prisma.pointsEntry.count({ where: { memberId: fx.members.m1.id, occurredOn: { gte: new Date('2026-02-01'), lte: new Date('2026-02-28') } } }));
    const t = ok(await h.gql<{ memberPointsTotal: { entryCount: number } }>(TOTAL, { from: '2026-02-01', to: '2026-02-28' }, as.member)).memberPointsTotal;
    expect(t.entryCount).toBe(feb.totalCount);
    expect(codeOf(await h.gql(Q, { from: '2026-03-01', to: '2026-02-01' }, as.member))).toBe('BAD_USER_INPUT');
  });
});

describe('validation', () => {
  it('reports every invalid field of a rule at once and writes nothing', async () => {
    const before = await h.prisma.pointsRule.count();
    const bad = await h.gql(DEFINE, { input: { orgUnitId: fx.units.b1.id, code: 'lower case', name: ' ', points: 0, dailyCap: 0 } }, as.secretary);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad).sort()).toEqual(['input.code', 'input.dailyCap', 'input.name', 'input.points']);
    expect(bad.errors![0]!.extensions.messageZh).toMatch(/输入有误/);
    for (const input of [
      { points: 101 },
      { points: -101 },
      { points: 5, dailyCap: 3 },
      { points: -2, dailyCap: 5 },
      { points: 5, dailyCap: 1001 },
    ]) {
      const res = await h.gql(DEFINE, { input: { orgUnitId: fx.units.b1.id, code: 'BOUNDS', name: '边界', ...input } }, as.secretary);
      expect(codeOf(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(await h.gql(DEFINE, { input: { orgUnitId: fx.units.b1.id, code: 'STUDY_NOTE', name: '重复', points: 1 } }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(REVISE, { id: (await h.prisma.pointsRule.findFirstOrThrow({ where: { code: 'VOLUNTEER' } })).id, input: { effectiveFrom: '2026-05-01', points: 0 } }, as.admin))).toBe('BAD_USER_INPUT');
    expect(await h.prisma.pointsRule.count()).toBe(before);
  });

  it('checks grants: a rule or points, a reason, a day not in the future, a rule in force', async () => {
    const before = await entryCount();
    const m = fx.members.m1.id;
    const cases: [Record<string, unknown>, string[]][] = [
      [{ memberId: m, ruleCode: 'MEETING_ATTENDANCE', points: 3, reason: 'x' }, ['input.points']],
      [{ memberId: m, reason: 'x' }, ['input.points']],
      [{ memberId: m, points: 0, reason: ' ' }, ['input.points', 'input.reason']],
      [{ memberId: m, points: 1001, reason: 'x' }, ['input.points']],
      [{ memberId: m, points: 1, reason: 'x', occurredOn: '2026-03-11' }, ['input.occurredOn']],
      [{ memberId: m, ruleCode: 'NO_SUCH_RULE', reason: 'x' }, ['input.ruleCode']],
      [{ memberId: m, ruleCode: 'STUDY_NOTE', reason: 'x', occurredOn: '2025-06-01' }, ['input.ruleCode']],
      [{ memberId: 'not-an-id', points: 1, reason: 'x' }, ['input.memberId']],
    ];
    for (const [input, fields] of cases) {
      const res = await h.gql(GRANT, { input }, as.secretary);
      expect(codeOf(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res).sort(), JSON.stringify(input)).toEqual(fields);
    }
    expect(codeOf(await h.gql(GRANT, { input: { memberId: randomUUID(), points: 1, reason: 'x' } }, as.secretary))).toBe('NOT_FOUND');
    expect(codeOf(await h.gql(CORRECT, { id: (await h.prisma.pointsEntry.findFirstOrThrow({ where: { memberId: m, correctsId: null } })).id, input: { points: 0, reason: 'x' } }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(await entryCount()).toBe(before);
  });
});
