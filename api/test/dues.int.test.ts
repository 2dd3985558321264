// Dues (党费) through GraphQL on a real database, on the movable clock (2026-08-15, China time):
// bases declared by the member and checked by the branch, payments of several months with their
// refusals, a correction as a new entry, the member's statement, a hardship exemption approved by
// the level above, the system's arrears scan and the branch's decision, remittance with receipt,
// the collection rate (also on the dashboard), the CSV, who sees what, and proofs that verify.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBundle, verifyBundle } from '@lianjian/verify';
import { ACCOUNT_NAMES, anchorPending, apiKeyFor, sessionFor } from './fixtures.js';
import { codeOf, ok, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const LONG = { expiresAt: new Date('2100-01-01T00:00:00Z') };
const BASE = 'id version year category baseFen fixedFen rateBp monthlyDueFen status';
const DECLARE = `mutation($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { ${BASE} } }`;
const CHECK = `mutation($id: ID!) { checkDuesBase(id: $id) { ${BASE} } }`;
const PAY_FIELDS = 'id version memberId months monthAmounts extraFen amountFen method reference paidOn receiptNo correctsId correctedBy';
const PAY = `mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { ${PAY_FIELDS} } }`;
const CORRECT = `mutation($id: ID!, $r: String!) { correctDuesPayment(paymentId: $id, reason: $r) { ${PAY_FIELDS} } }`;
const STATEMENT = `query($m: ID, $y: Int) { duesStatement(memberId: $m, year: $y) {
  memberId year dueFen paidFen extraFen base { monthlyDueFen status }
  months { month dueFen paidFen status hardship }
  payments { id version amountFen months monthAmounts extraFen proof { status bundle } } } }`;
const PROPOSE = `mutation($input: ProposeDuesHardshipInput!) { proposeDuesHardship(input: $input) { id status kind } }`;
const DECIDE_H = `mutation($id: ID!, $a: Boolean!) { decideDuesHardship(id: $id, approve: $a) { id status version } }`;
const RAISE = `mutation($u: ID) { raiseDuesArrearsCases(under: $u) { id memberId fromMonth toMonth months status version } }`;
const DECIDE_A = `mutation($id: ID!, $d: DuesArrearsDecision!, $r: String!) { decideDuesArrearsCase(id: $id, decision: $d, reason: $r) { id status decisionReason version } }`;
const SUBMIT = `mutation($u: ID!, $m: String!) { submitDuesRemittance(unitId: $u, month: $m) { id status month paymentCount memberCount amountFen toUnitName version } }`;
const CONFIRM = `mutation($id: ID!, $r: String!) { confirmDuesRemittance(id: $id, receiptNo: $r) { id status receiptNo confirmedOn version } }`;
const SUMMARY = `query($u: ID, $m: String) { duesSummary(under: $u, month: $m) { month trackedMembers dueFen collectedFen collectionRateBp paidMembers unpaidMembers membersInArrears openArrearsCases } }`;

type Pay = { id: string; months: string[]; monthAmounts: number[]; extraFen: number; amountFen: number; correctsId: string | null; correctedBy: string | null; receiptNo: string };
type Line = { month: string; dueFen: number | null; paidFen: number; status: string; hardship: string | null };
type Stmt = { duesStatement: { dueFen: number; paidFen: number; extraFen: number; months: Line[]; payments: { id: string; version: number; amountFen: number; months: string[]; monthAmounts: number[]; extraFen: number; proof: { status: string; bundle: unknown } }[] } };

describe('dues', () => {
  const { h, fx, as } = apiSuite({ sessions: ACCOUNT_NAMES, expiresAt: LONG.expiresAt, others: ['secB2', 'secG1', 'partner'] });
  const ids = {} as Record<'firstPayment' | 'exemption' | 'arrears' | 'remittance', string>;

  beforeAll(async () => {
    const account = async (username: string, scopeUnitId: string) =>
      sessionFor(h.prisma, (await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'x', role: 'SECRETARY', scopeUnitId } })).id, LONG);
    as.secB2 = { token: await account('sec-b2', fx.units.b2.id) };
    as.secG1 = { token: await account('sec-g1', fx.units.g1.id) };
    as.partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read'])).key };
    h.clock.now = new Date('2026-08-15T04:00:00.000Z');
  });

  it('a member declares their own base; the branch checks it; it is then set for the year', async () => {
    const input = { memberId: fx.members.m1.id, year: 2026, category: 'IN_WORK', baseFen: 300_001 };
    const declared = ok(await h.gql<{ declareDuesBase: { id: string; status: string; rateBp: number; monthlyDueFen: number } }>(DECLARE, { input }, as.member)).declareDuesBase;
    // 3,000.01 yuan is above the 3,000 bound: 1 %, 30.0001 → 30.00 yuan.
    expect(declared).toMatchObject({ status: 'DECLARED', rateBp: 100, monthlyDueFen: 3000 });
    expect(codeOf(await h.gql(DECLARE, { input: { ...input, memberId: fx.members.m2.id } }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CHECK, { id: declared.id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CHECK, { id: declared.id }, as.otherSecretary))).toBe('FORBIDDEN');
    const checked = ok(await h.gql<{ checkDuesBase: { status: string; version: number } }>(CHECK, { id: declared.id }, as.secretary)).checkDuesBase;
    expect(checked).toMatchObject({ status: 'CHECKED', version: 2 });
    expect(codeOf(await h.gql(DECLARE, { input }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(CHECK, { id: declared.id }, as.secretary))).toBe('CONFLICT');
  });

  it('refuses bad bases, naming the fields', async () => {
    const fields = async (input: Record<string, unknown>) => {
      const res = await h.gql(DECLARE, { input: { memberId: fx.members.m2.id, year: 2026, ...input } }, as.secretary);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      return (res.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field);
    };
    expect(await fields({ category: 'IN_WORK' })).toEqual(['input.baseFen']);
    expect(await fields({ category: 'IN_WORK', baseFen: -1 })).toEqual(['input.baseFen']);
    expect(await fields({ category: 'FARMER', fixedFen: 10 })).toEqual(['input.fixedFen']);
    expect(await fields({ category: 'RETIRED', baseFen: 100, year: 1999 })).toEqual(['input.year']);
  });

  it('records several months at once, the surplus as a voluntary extra, and refuses bad payments', async () => {
    const input = { memberId: fx.members.m1.id, months: ['2026-01', '2026-02', '2026-03'], amountFen: 9500, method: 'CASH' };
    const p = ok(await h.gql<{ recordDuesPayment: Pay & { paidOn: string } }>(PAY, { input }, as.secretary)).recordDuesPayment;
    expect(p).toMatchObject({ monthAmounts: [3000, 3000, 3000], extraFen: 500, amountFen: 9500, paidOn: '2026-08-15', correctsId: null });
    expect(p.receiptNo).toMatch(/^DF20260815-[0-9A-F]{12}$/);
    ids.firstPayment = p.id;

    const refused = async (patch: Record<string, unknown>, who: Caller = as.secretary) => h.gql(PAY, { input: { ...input, months: ['2026-04'], amountFen: 3000, ...patch } }, who);
    expect(codeOf(await refused({ amountFen: 2999 }))).toBe('BAD_USER_INPUT'); // short of the due
    expect(codeOf(await refused({ amountFen: -3000 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await refused({ amountFen: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await refused({ method: 'TRANSFER' }))).toBe('BAD_USER_INPUT'); // no reference
    expect(codeOf(await refused({ months: ['2026-13'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await refused({ months: ['2026-04', '2026-04'] }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await refused({ months: ['2027-01'] }))).toBe('BAD_USER_INPUT'); // beyond this year
    expect(codeOf(await refused({ paidOn: '2026-08-16' }))).toBe('BAD_USER_INPUT'); // in the future
    expect(codeOf(await refused({}, as.otherSecretary))).toBe('FORBIDDEN'); // another branch
    expect(codeOf(await refused({}, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await refused({}, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await refused({ months: ['2025-12'] }))).toBe('DUES_BASE_NOT_CHECKED');
    const twice = await refused({ months: ['2026-03', '2026-04'], amountFen: 6000 });
    expect(codeOf(twice)).toBe('DUES_MONTH_ALREADY_PAID');
    expect(twice.errors![0]!.extensions.months).toEqual(['2026-03']);
    expect(twice.errors![0]!.extensions.messageZh).toContain('已交纳');
    expect(codeOf(await h.gql(PAY, { input: { ...input, memberId: fx.members.m2.id, months: ['2026-01'] } }, as.secretary))).toBe('DUES_BASE_NOT_CHECKED');
  });

  it('corrects a payment with a new, reversing entry; the original stays and the months are unpaid again', async () => {
    const rev = ok(await h.gql<{ correctDuesPayment: Pay }>(CORRECT, { id: ids.firstPayment, r: '金额登记错误' }, as.secretary)).correctDuesPayment;
    expect(rev).toMatchObject({ correctsId: ids.firstPayment, amountFen: -9500, monthAmounts: [-3000, -3000, -3000], extraFen: -500 });
    expect(codeOf(await h.gql(CORRECT, { id: ids.firstPayment, r: '再次更正' }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(CORRECT, { id: rev.id, r: '更正的更正' }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(CORRECT, { id: ids.firstPayment, r: '越权' }, as.otherSecretary))).toBe('FORBIDDEN');
    const original = await h.prisma.duesPayment.findUniqueOrThrow({ where: { id: ids.firstPayment } });
    expect(original.amountFen).toBe(9500);
    await expect(h.prisma.$executeRawUnsafe(`UPDATE dues_payment SET amount_fen = 1 WHERE id = '${ids.firstPayment}'`)).rejects.toThrow(/append-only/);
    const again = ok(await h.gql<{ recordDuesPayment: Pay }>(PAY, { input: { memberId: fx.members.m1.id, months: ['2026-03', '2026-01', '2026-02'], amountFen: 9000, method: 'TRANSFER', reference: 'WX-20260815-001' } }, as.secretary));
    expect(again.recordDuesPayment).toMatchObject({ months: ['2026-01', '2026-02', '2026-03'], extraFen: 0 });
  });

  it('gives the member their statement month by month, and only their own', async () => {
    const s = ok(await h.gql<Stmt>(STATEMENT, { y: 2026 }, as.member)).duesStatement;
    expect(s.months.map((l) => l.status)).toEqual(['PAID', 'PAID', 'PAID', 'UNPAID', 'UNPAID', 'UNPAID', 'UNPAID', 'NOT_YET_DUE', 'NOT_YET_DUE', 'NOT_YET_DUE', 'NOT_YET_DUE', 'NOT_YET_DUE']);
    expect(s.months[0]).toMatchObject({ month: '2026-01', dueFen: 3000, paidFen: 3000 });
    expect(s).toMatchObject({ dueFen: 7 * 3000, paidFen: 9000, extraFen: 0 });
    expect(s.payments.map((p) => p.amountFen)).toEqual([9500, -9500, 9000]);
    expect(codeOf(await h.gql(STATEMENT, { m: fx.members.m2.id, y: 2026 }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(STATEMENT, { m: fx.members.m1.id, y: 2026 }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(ok(await h.gql<Stmt>(STATEMENT, { m: fx.members.m1.id, y: 2026 }, as.leader)).duesStatement.paidFen).toBe(9000);
  });

  it('lists payments by scope: members their own, staff their subtree, keys only with the scope', async () => {
    const Q = `query { duesPayments(first: 50) { totalCount edges { node { memberId } } } }`;
    type L = { duesPayments: { totalCount: number; edges: { node: { memberId: string } }[] } };
    expect(ok(await h.gql<L>(Q, {}, as.member)).duesPayments.edges.every((e) => e.node.memberId === fx.members.m1.id)).toBe(true);
    expect(ok(await h.gql<L>(Q, {}, as.secretary)).duesPayments.totalCount).toBe(3);
    expect(ok(await h.gql<L>(Q, {}, as.otherSecretary)).duesPayments.totalCount).toBe(0);
    expect(codeOf(await h.gql(`query($u: ID) { duesPayments(under: $u) { totalCount } }`, { u: fx.units.g1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(Q, {}, as.partner))).toBe('FORBIDDEN');
  });

  it('a hardship exemption is the branch’s decision, approved only by the level above', async () => {
    const base = ok(await h.gql<{ declareDuesBase: { id: string; monthlyDueFen: number } }>(DECLARE, { input: { memberId: fx.members.m3.id, year: 2026, category: 'LOW_INCOME' } }, as.secB2)).declareDuesBase;
    expect(base.monthlyDueFen).toBe(20);
    ok(await h.gql(CHECK, { id: base.id }, as.secB2));
    const input = { memberId: fx.members.m3.id, kind: 'EXEMPTION', fromMonth: '2026-01', toMonth: '2026-12', reason: '重病住院，无收入', branchDecision: '第二党支部委员会 2026-02-03 决定' };
    expect(codeOf(await h.gql(PROPOSE, { input }, as.secretary))).toBe('FORBIDDEN'); // another branch
    expect(codeOf(await h.gql(PROPOSE, { input: { ...input, toMonth: '2025-12' } }, as.secB2))).toBe('BAD_USER_INPUT');
    const h1 = ok(await h.gql<{ proposeDuesHardship: { id: string; status: string } }>(PROPOSE, { input }, as.secB2)).proposeDuesHardship;
    expect(h1.status).toBe('PROPOSED');
    expect(codeOf(await h.gql(PROPOSE, { input }, as.secB2))).toBe('CONFLICT'); // overlapping
    expect(codeOf(await h.gql(DECIDE_H, { id: h1.id, a: true }, as.secB2))).toBe('DUES_HIGHER_APPROVAL_REQUIRED');
    expect(codeOf(await h.gql(DECIDE_H, { id: h1.id, a: true }, as.secretary))).toBe('FORBIDDEN');
    // Proposed but not approved: still due.
    expect(ok(await h.gql<Stmt>(STATEMENT, { m: fx.members.m3.id, y: 2026 }, as.secB2)).duesStatement.months[0]!.dueFen).toBe(20);
    expect(ok(await h.gql<{ decideDuesHardship: { status: string; version: number } }>(DECIDE_H, { id: h1.id, a: true }, as.secG1)).decideDuesHardship).toMatchObject({ status: 'APPROVED', version: 2 });
    expect(codeOf(await h.gql(DECIDE_H, { id: h1.id, a: false }, as.admin))).toBe('CONFLICT');
    ids.exemption = h1.id;
    const s = ok(await h.gql<Stmt>(STATEMENT, { m: fx.members.m3.id, y: 2026 }, as.secB2)).duesStatement;
    expect(s.months.every((l) => l.status === 'EXEMPT' && l.dueFen === 0 && l.hardship === 'EXEMPTION')).toBe(true);
    expect(s.dueFen).toBe(0);
    expect(codeOf(await h.gql(PAY, { input: { memberId: fx.members.m3.id, months: ['2026-05'], amountFen: 20, method: 'CASH' } }, as.secB2))).toBe('BAD_USER_INPUT');
  });

  it('the system raises a case for six consecutive unpaid months; the branch decides it', async () => {
    // The retired 5,000 bound: 0.5 % → 25.00 yuan.
    const base = ok(await h.gql<{ declareDuesBase: { id: string; monthlyDueFen: number; rateBp: number } }>(DECLARE, { input: { memberId: fx.members.m2.id, year: 2026, category: 'RETIRED', baseFen: 500_000 } }, as.secretary)).declareDuesBase;
    expect(base).toMatchObject({ rateBp: 50, monthlyDueFen: 2500 });
    ok(await h.gql(CHECK, { id: base.id }, as.secretary));
    expect(codeOf(await h.gql(RAISE, {}, as.member))).toBe('FORBIDDEN');
    type R = { raiseDuesArrearsCases: { id: string; memberId: string; fromMonth: string; toMonth: string; months: number; status: string }[] };
    const raised = ok(await h.gql<R>(RAISE, { u: fx.units.g1.id }, as.secG1)).raiseDuesArrearsCases;
    // m1 owes April–July (four months), m3 is exempt: only m2 (January–July) has a case.
    expect(raised).toEqual([expect.objectContaining({ memberId: fx.members.m2.id, fromMonth: '2026-01', toMonth: '2026-07', months: 7, status: 'OPEN' })]);
    const rec = await h.prisma.outboxRecord.findFirstOrThrow({ where: { entityType: 'DuesArrearsCase', entityId: raised[0]!.id } });
    expect(JSON.parse(rec.document).actor).toBe('system');
    expect(ok(await h.gql<R>(RAISE, {}, as.secretary)).raiseDuesArrearsCases).toEqual([]);
    expect(codeOf(await h.gql(DECIDE_A, { id: raised[0]!.id, d: 'EXCUSED', r: '长期外派援疆，联系中断' }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(DECIDE_A, { id: raised[0]!.id, d: 'EXCUSED', r: '' }, as.secretary))).toBe('BAD_USER_INPUT');
    const decided = ok(await h.gql<{ decideDuesArrearsCase: { status: string; decisionReason: string; version: number } }>(DECIDE_A, { id: raised[0]!.id, d: 'EXCUSED', r: '长期外派援疆，联系中断' }, as.secretary)).decideDuesArrearsCase;
    expect(decided).toMatchObject({ status: 'EXCUSED', decisionReason: '长期外派援疆，联系中断', version: 2 });
    expect(codeOf(await h.gql(DECIDE_A, { id: raised[0]!.id, d: 'SETTLED', r: '已补交' }, as.secretary))).toBe('CONFLICT');
    ids.arrears = raised[0]!.id;
    const s = ok(await h.gql<Stmt>(STATEMENT, { m: fx.members.m2.id, y: 2026 }, as.secretary)).duesStatement;
    expect(s.months.slice(0, 7).every((l) => l.status === 'EXCUSED')).toBe(true);
  });

  it('remits a unit’s month to the level above, which confirms receipt', async () => {
    type S = { submitDuesRemittance: { id: string; status: string; paymentCount: number; memberCount: number; amountFen: number; toUnitName: string; version: number } };
    const sub = ok(await h.gql<S>(SUBMIT, { u: fx.units.b1.id, m: '2026-08' }, as.secretary)).submitDuesRemittance;
    expect(sub).toMatchObject({ status: 'SUBMITTED', paymentCount: 3, memberCount: 1, amountFen: 9000, toUnitName: '第一党总支', version: 1 });
    expect(ok(await h.gql<S>(SUBMIT, { u: fx.units.b1.id, m: '2026-08' }, as.secretary)).submitDuesRemittance.version).toBe(2);
    expect(codeOf(await h.gql(SUBMIT, { u: fx.units.b1.id, m: '2026-09' }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(SUBMIT, { u: fx.units.root.id, m: '2026-08' }, as.admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(SUBMIT, { u: fx.units.b1.id, m: '2026-08' }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CONFIRM, { id: sub.id, r: 'SJ-2026-08-01' }, as.secretary))).toBe('FORBIDDEN'); // not the level above
    const conf = ok(await h.gql<{ confirmDuesRemittance: { status: string; receiptNo: string; confirmedOn: string } }>(CONFIRM, { id: sub.id, r: 'SJ-2026-08-01' }, as.secG1)).confirmDuesRemittance;
    expect(conf).toMatchObject({ status: 'CONFIRMED', receiptNo: 'SJ-2026-08-01', confirmedOn: '2026-08-15' });
    expect(codeOf(await h.gql(SUBMIT, { u: fx.units.b1.id, m: '2026-08' }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(`query { duesRemittances { edges { node { id } } } }`, {}, as.member))).toBe('FORBIDDEN');
    const seen = ok(await h.gql<{ duesRemittances: { edges: { node: { id: string } }[] } }>(`query { duesRemittances { edges { node { id } } } }`, {}, as.secG1));
    expect(seen.duesRemittances.edges.map((e) => e.node.id)).toEqual([sub.id]);
    ids.remittance = sub.id;
  });

  it('reports the collection rate and arrears over a subtree, on the dashboard too, and as CSV', async () => {
    type S = { duesSummary: Record<string, number | string | null> };
    const feb = ok(await h.gql<S>(SUMMARY, { u: fx.units.g1.id, m: '2026-02' }, as.leader)).duesSummary;
    // m1 30.00 paid, m2 25.00 (excused, unpaid), m3 exempt.
    expect(feb).toMatchObject({ trackedMembers: 3, dueFen: 5500, collectedFen: 3000, collectionRateBp: 5454, paidMembers: 1, unpaidMembers: 0, openArrearsCases: 0 });
    const jul = ok(await h.gql<S>(SUMMARY, { u: fx.units.g1.id, m: '2026-07' }, as.leader)).duesSummary;
    expect(jul).toMatchObject({ dueFen: 5500, collectedFen: 0, collectionRateBp: 0, unpaidMembers: 1, membersInArrears: 1 });
    expect(codeOf(await h.gql(SUMMARY, {}, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(SUMMARY, { m: '2026-7' }, as.leader))).toBe('BAD_USER_INPUT');
    const dash = ok(await h.gql<{ analytics: { dues: { month: string; dueFen: number } } }>(`query($u: ID) { analytics(unitId: $u, asOf: "2026-02-20") { dues { month dueFen collectionRateBp } } }`, { u: fx.units.g1.id }, as.leader));
    expect(dash.analytics.dues).toMatchObject({ month: '2026-02', dueFen: 5500 });
    const csv = ok(await h.gql<{ duesReportCsv: string }>(`query($y: Int) { duesReportCsv(year: $y) }`, { y: 2026 }, as.secretary)).duesReportCsv;
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('2026-01');
    expect(lines.find((l) => l.startsWith('张三'))).toContain('IN_WORK,3000.01,30.00,30.00,30.00,30.00,0.00');
    expect(lines).toHaveLength(3); // header, 张三, 李四 (王五 is in b2)
    expect(codeOf(await h.gql(`query { duesReportCsv }`, {}, as.member))).toBe('FORBIDDEN');
  });

  it('lists members’ dues in one query, with the figures of each member’s statement, scoped and paged', async () => {
    // The members' page used to ask for one statement per member; duesMembers gives the same
    // figures for a page of members at once.
    const MEMBERS = `query($u: ID, $y: Int, $a: Boolean, $f: Int, $after: String, $l: Int, $before: String) { duesMembers(unitId: $u, year: $y, onlyInArrears: $a, first: $f, after: $after, last: $l, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { memberId memberName unitId unitName category monthlyDueFen baseStatus dueFen paidFen unpaidMonths consecutiveUnpaidMonths openCaseId } } } }`;
    type Row = { memberId: string; memberName: string; unitId: string; unitName: string; dueFen: number; paidFen: number; unpaidMonths: string[]; consecutiveUnpaidMonths: number; openCaseId: string | null };
    type L = { duesMembers: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: { cursor: string; node: Row }[] } };
    const list = async (vars: Record<string, unknown>, who: Caller) => ok(await h.gql<L>(MEMBERS, { y: 2026, ...vars }, who)).duesMembers;

    const all = await list({ f: 50 }, as.secG1);
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e) => e.node.memberId).sort()).toEqual([fx.members.m1.id, fx.members.m2.id, fx.members.m3.id].sort());
    for (const { node } of all.edges) {
      const s = ok(await h.gql<Stmt>(STATEMENT, { m: node.memberId, y: 2026 }, as.secG1)).duesStatement;
      expect(node, node.memberName).toMatchObject({ dueFen: s.dueFen, paidFen: s.paidFen, unpaidMonths: s.months.filter((l) => l.status === 'UNPAID').map((l) => l.month) });
    }
    const m1 = all.edges.find((e) => e.node.memberId === fx.members.m1.id)!.node;
    // April–July unpaid, in a row up to July (the last due month); m2's months are excused, m3 exempt.
    expect(m1).toMatchObject({ unitId: fx.units.b1.id, unpaidMonths: ['2026-04', '2026-05', '2026-06', '2026-07'], consecutiveUnpaidMonths: 4, openCaseId: null });
    expect(all.edges.find((e) => e.node.memberId === fx.members.m2.id)!.node).toMatchObject({ unpaidMonths: [], consecutiveUnpaidMonths: 0, openCaseId: null });

    // Only those in arrears.
    const behind = await list({ a: true, f: 50 }, as.secG1);
    expect(behind.totalCount).toBe(1);
    expect(behind.edges.map((e) => e.node.memberId)).toEqual([fx.members.m1.id]);

    // Paged one by one, the pages together are the whole list in the same order.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: L['duesMembers'] = await list({ f: 1, after }, as.secG1);
      expect(page.totalCount).toBe(3);
      seen.push(...page.edges.map((e) => e.node.memberId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.memberId));
    // And back: the page before the last member is the two before it (the web pager's "previous").
    const back = await list({ l: 2, before: all.edges[2]!.cursor }, as.secG1);
    expect(back.edges.map((e) => e.node.memberId)).toEqual(seen.slice(0, 2));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });

    // Scope: the secretary of b1 never sees m3 (b2); a member only themself; another branch none.
    const b1 = await list({ f: 50 }, as.secretary);
    expect(b1.totalCount).toBe(2);
    expect(b1.edges.map((e) => e.node.memberId)).not.toContain(fx.members.m3.id);
    expect((await list({ f: 50 }, as.member)).edges.map((e) => e.node.memberId)).toEqual([fx.members.m1.id]);
    expect((await list({ f: 50 }, as.otherSecretary)).totalCount).toBe(0);
    expect(codeOf(await h.gql(MEMBERS, { u: fx.units.b2.id }, as.secretary))).toBe('FORBIDDEN');
    // A cursor of m3 (outside b1) does not page b1's list.
    const m3Cursor = all.edges.find((e) => e.node.memberId === fx.members.m3.id)!.cursor;
    expect(codeOf(await h.gql(MEMBERS, { after: m3Cursor }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(MEMBERS, { after: 'bm9wZQ==' }, as.secG1))).toBe('BAD_USER_INPUT');
  });

  it('every dues list counts its rows across pages (totalCount), within the caller’s scope', async () => {
    // Pages of one row, so a count of the page alone would say 1.
    const count = async (field: string, who: Caller, args = '') =>
      ok(await h.gql<Record<string, { totalCount: number }>>(`query { ${field}(first: 1${args}) { totalCount } }`, {}, who))[field]!.totalCount;
    expect(await count('duesBases', as.secG1, ', year: 2026')).toBe(3);
    expect(await count('duesBases', as.secretary, ', year: 2026')).toBe(2);
    expect(await count('duesBases', as.secretary, ', year: 2026, status: DECLARED')).toBe(0);
    expect(await count('duesHardships', as.secG1)).toBe(1);
    expect(await count('duesHardships', as.secretary)).toBe(0); // m3's is in b2
    expect(await count('duesArrearsCases', as.secretary)).toBe(1);
    expect(await count('duesArrearsCases', as.otherSecretary)).toBe(0);
    expect(await count('duesRemittances', as.secG1)).toBe(1);
    expect(await count('duesRemittances', as.otherSecretary)).toBe(0);
  });

  it('remits a month above 2^31 fen (bigint column), its record document still holding a JSON number', async () => {
    // amount_fen was a 32-bit INTEGER: 21,474,836.47 yuan in a month overflowed. Three payments of
    // 10 million yuan (the per-payment cap) in one unit and month pass it.
    const base = ok(await h.gql<{ declareDuesBase: { id: string; monthlyDueFen: number } }>(DECLARE, { input: { memberId: fx.members.m4.id, year: 2026, category: 'IN_WORK', baseFen: 1_000_000_000 } }, as.otherSecretary)).declareDuesBase;
    ok(await h.gql(CHECK, { id: base.id }, as.otherSecretary));
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      ok(await h.gql(PAY, { input: { memberId: fx.members.m4.id, months: [month], amountFen: 1_000_000_000, method: 'CASH', paidOn: '2026-08-10' } }, as.otherSecretary));
    }
    type S = { submitDuesRemittance: { id: string; amountFen: number; version: number } };
    const sub = ok(await h.gql<S>(SUBMIT, { u: fx.units.b3.id, m: '2026-08' }, as.otherSecretary)).submitDuesRemittance;
    expect(sub.amountFen).toBe(3_000_000_000);
    const row = await h.prisma.duesRemittance.findUniqueOrThrow({ where: { id: sub.id } });
    expect(row.amountFen).toBe(3_000_000_000n);
    // The document keeps the number form the INTEGER column gave (not a bigint's decimal string, the
    // generic BigInt form), so documents written before the widening and after it have one shape.
    const rec = await h.prisma.outboxRecord.findFirstOrThrow({ where: { entityType: 'DuesRemittance', entityId: sub.id }, orderBy: { version: 'desc' } });
    expect(rec.document).toContain('"amountFen":3000000000');
    const earlier = await h.prisma.outboxRecord.findFirstOrThrow({ where: { entityType: 'DuesRemittance', entityId: ids.remittance }, orderBy: { version: 'desc' } });
    expect(earlier.document).toContain('"amountFen":9000');
    await anchorPending(h.dbUrl);
    const r = ok(await h.gql<{ record: { proof: { status: string; bundle: unknown } } }>(`query($id: ID!) { record(type: "DuesRemittance", id: $id) { proof { status bundle } } }`, { id: sub.id }, as.admin)).record;
    expect(r.proof.status).toBe('ANCHORED');
    const report = await verifyBundle(parseBundle(r.proof.bundle), { fields: { amountFen: sub.amountFen } });
    expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
  });

  it('every dues row is a record with a proof that verifies and matches the shown fields', async () => {
    await anchorPending(h.dbUrl);
    const s = ok(await h.gql<Stmt>(STATEMENT, { y: 2026 }, as.member)).duesStatement;
    for (const p of s.payments) {
      expect(p.proof.status).toBe('ANCHORED');
      const bundle = parseBundle(p.proof.bundle);
      expect(bundle.document).toMatchObject({ type: 'DuesPayment', id: p.id, version: p.version, data: { memberId: fx.members.m1.id } });
      const report = await verifyBundle(bundle, { fields: { amountFen: p.amountFen, months: p.months, monthAmounts: p.monthAmounts, extraFen: p.extraFen } });
      expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
    }
    // The recomputation a member makes from the proven documents equals the statement.
    const docs = s.payments.map((p) => parseBundle(p.proof.bundle).document.data as { months: string[]; monthAmounts: number[] });
    expect(docs.reduce((sum, d) => sum + d.monthAmounts.reduce((a, b) => a + b, 0), 0)).toBe(s.paidFen);
    for (const [type, id] of [['DuesHardship', ids.exemption], ['DuesArrearsCase', ids.arrears], ['DuesRemittance', ids.remittance]] as const) {
      const r = ok(await h.gql<{ record: { version: number; proof: { status: string } } }>(`query($t: String!, $id: ID!) { record(type: $t, id: $id) { version proof { status } } }`, { t: type, id }, as.admin)).record;
      expect(r.proof.status, type).toBe('ANCHORED');
    }
    expect(codeOf(await h.gql(`query($id: ID!) { record(type: "DuesArrearsCase", id: $id) { version } }`, { id: ids.arrears }, as.member))).toBe('FORBIDDEN');
  });
});
