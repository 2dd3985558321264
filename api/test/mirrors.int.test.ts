// Mirror reports (issue #21 item 6): a level's mirror reports where it stands with its own key,
// only about itself; ADMIN lists every mirror key with its report beside the centre's head —
// caught up, how many of its subtree's records behind, not reporting since a while — and its last
// alert. Nobody else reads the list, and no session reports.
import { describe, expect, it } from 'vitest';
import { anchorPending, apiKeyFor } from './fixtures.js';
import { codeOf, ok } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member'], others: ['g1Mirror', 'b3Mirror', 'partner'] });

const REPORT = `mutation($input: ReportMirrorStateInput!) { reportMirrorState(input: $input) { reportedAt position headPosition } }`;
const LIST = `query($first: Int, $after: String, $stale: Int) { mirrors(first: $first, after: $after, staleAfterMinutes: $stale) {
  totalCount staleAfterMinutes pageInfo { hasNextPage endCursor }
  edges { node { keyId keyName unitId unitName state stale reportedAt position headSeqSeen headPositionSeen centreHeadPosition centreHeadSeq
    recordsBehind recordsBehindCapped documents openAlerts lastAlert { kind entityType entityId version batchSeq detectedAt } } } } }`;

interface Row {
  keyId: string;
  keyName: string;
  unitId: string;
  unitName: string;
  state: string;
  stale: boolean;
  reportedAt: string | null;
  position: number | null;
  headSeqSeen: number | null;
  headPositionSeen: number | null;
  centreHeadPosition: number;
  centreHeadSeq: number;
  recordsBehind: number | null;
  recordsBehindCapped: boolean;
  documents: number | null;
  openAlerts: number | null;
  lastAlert: { kind: string; entityType: string | null; entityId: string | null; version: number | null; batchSeq: number | null; detectedAt: string | null } | null;
}
type List = { mirrors: { totalCount: number; staleAfterMinutes: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Row }[] } };

const list = async (vars: Record<string, unknown> = {}) => ok(await h.gql<List>(LIST, vars, as.admin)).mirrors;
const rowOf = async (keyId: string, vars: Record<string, unknown> = {}) => (await list(vars)).edges.map((e) => e.node).find((n) => n.keyId === keyId)!;

let g1KeyId = '';
let b3KeyId = '';
let headSeq = 0;
let headPosition = -1;
let g1Records = 0;

describe('mirror reports', () => {
  it('lists every mirror key with its unit; a mirror that never reported says so', async () => {
    headSeq = await anchorPending(h.dbUrl);
    headPosition = Number((await h.prisma.batch.findUniqueOrThrow({ where: { seq: headSeq } })).lastPosition);
    const g1 = await apiKeyFor(h.prisma, fx.units.g1.id, ['Mirror:read'], 'g1 mirror');
    const b3 = await apiKeyFor(h.prisma, fx.units.b3.id, ['Mirror:read'], 'b3 mirror');
    g1KeyId = g1.id;
    b3KeyId = b3.id;
    as.g1Mirror.apiKey = g1.key;
    as.b3Mirror.apiKey = b3.key;
    as.partner.apiKey = (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read', 'OrgUnit:read'])).key;
    g1Records = (await h.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id JOIN org_unit u ON u.id = o.org_unit_id
        WHERE u.path LIKE $1 || '%' AND NOT (o.entity_type = 'Ballot' AND o.version < 2)`,
      fx.units.g1.path,
    ))[0]!.n;
    expect(g1Records).toBeGreaterThan(0);

    const m = await list();
    // Only keys with Mirror:read: not the partner's key.
    expect(m.totalCount).toBe(2);
    const row = m.edges.find((e) => e.node.keyId === g1KeyId)!.node;
    expect(row).toMatchObject({ keyName: 'g1 mirror', unitId: fx.units.g1.id, unitName: fx.units.g1.name, state: 'NEVER_REPORTED', stale: true, reportedAt: null, recordsBehind: null, lastAlert: null });
    expect(row.centreHeadSeq).toBe(headSeq);
    expect(row.centreHeadPosition).toBe(headPosition);
  });

  it("a mirror's report shows it caught up, with its last alert naming the record and batch; an older position is counted behind", async () => {
    const alert = { kind: 'RECORD_DELETED', entityType: 'Member', entityId: fx.members.m2.id, version: 1, batchSeq: headSeq, detectedAt: '2026-12-07T06:00:00.000Z' };
    const r = ok(await h.gql<{ reportMirrorState: { position: number; headPosition: number } }>(REPORT, { input: { position: headPosition, headSeq, documents: g1Records, openAlerts: 2, lastAlert: alert } }, as.g1Mirror)).reportMirrorState;
    expect(r).toMatchObject({ position: headPosition, headPosition });
    const row = await rowOf(g1KeyId);
    expect(row).toMatchObject({ state: 'CAUGHT_UP', stale: false, position: headPosition, headSeqSeen: headSeq, headPositionSeen: headPosition, recordsBehind: 0, documents: g1Records, openAlerts: 2 });
    expect(row.lastAlert).toEqual(alert);
    expect(new Date(row.reportedAt!).getTime()).toBe(h.clock.now.getTime());

    // From the start of the log: every anchored record of g1's subtree is still to come.
    ok(await h.gql(REPORT, { input: { position: -1, headSeq: 0, openAlerts: 0 } }, as.g1Mirror));
    const behind = await rowOf(g1KeyId);
    expect(behind).toMatchObject({ state: 'BEHIND', recordsBehind: g1Records, recordsBehindCapped: false, position: -1, headPositionSeen: -1, openAlerts: 0, lastAlert: null });
  });

  it('a key reports only for itself: its own row changes, no other', async () => {
    ok(await h.gql(REPORT, { input: { position: headPosition, headSeq, openAlerts: 0 } }, as.g1Mirror));
    const before = await rowOf(g1KeyId);
    h.clock.advance(1000);
    ok(await h.gql(REPORT, { input: { position: 3, headSeq, openAlerts: 1, lastAlert: { kind: 'FEED_STALLED' } } }, as.b3Mirror));
    expect(await rowOf(g1KeyId)).toEqual(before);
    expect(await rowOf(b3KeyId)).toMatchObject({ unitId: fx.units.b3.id, position: 3, openAlerts: 1, lastAlert: { kind: 'FEED_STALLED', entityId: null } });
    // The input names no key, so there is nothing to point at another mirror's row.
    const fields = ok(await h.gql<{ __type: { inputFields: { name: string }[] } }>(`{ __type(name: "ReportMirrorStateInput") { inputFields { name } } }`, {}, as.admin)).__type.inputFields.map((f) => f.name);
    expect(fields.some((f) => /key|unit/i.test(f))).toBe(false);
    expect(await h.prisma.mirrorReport.count()).toBe(2);
  });

  it('nobody but a mirror key reports: not a session (even ADMIN), not a key without Mirror:read', async () => {
    const input = { position: 0, headSeq, openAlerts: 0 };
    for (const who of [as.admin, as.secretary, as.partner]) {
      const res = await h.gql(REPORT, { input }, who);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0]!.extensions.messageZh).toBeTruthy();
    }
    expect(codeOf(await h.gql(REPORT, { input }, as.anonymous))).toBe('UNAUTHENTICATED');
    expect(await h.prisma.mirrorReport.count()).toBe(2);
    // Nonsense is refused field by field.
    const bad = await h.gql(REPORT, { input: { position: -5, headSeq, openAlerts: -1, lastAlert: { kind: 'x', entityId: 'nope' } } }, as.g1Mirror);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    const named = (bad.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field).sort();
    expect(named).toEqual(['input.lastAlert.entityId', 'input.lastAlert.kind', 'input.openAlerts', 'input.position']);
  });

  it('only ADMIN lists mirrors: leaders, secretaries, members and partner keys are refused', async () => {
    for (const who of [as.leader, as.secretary, as.member, as.partner, as.g1Mirror]) expect(codeOf(await h.gql(LIST, {}, who))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(LIST, {}, as.anonymous))).toBe('UNAUTHENTICATED');
  });

  it('a mirror that stops reporting is shown as not reporting after the staleness window, and fresh again when it reports', async () => {
    h.clock.advance(9 * 60_000);
    expect(await rowOf(g1KeyId)).toMatchObject({ state: 'CAUGHT_UP', stale: false });
    h.clock.advance(2 * 60_000);
    const stale = await rowOf(g1KeyId);
    expect(stale).toMatchObject({ state: 'NOT_REPORTING', stale: true, position: headPosition });
    expect((await list()).staleAfterMinutes).toBe(10);
    // A longer window is the caller's choice.
    expect(await rowOf(g1KeyId, { stale: 60 })).toMatchObject({ state: 'CAUGHT_UP', stale: false });
    expect(codeOf(await h.gql(LIST, { stale: 0 }, as.admin))).toBe('BAD_USER_INPUT');
    ok(await h.gql(REPORT, { input: { position: headPosition, headSeq, openAlerts: 0 } }, as.g1Mirror));
    expect(await rowOf(g1KeyId)).toMatchObject({ state: 'CAUGHT_UP', stale: false });
  });

  it('pages forward, newest key first; a revoked key leaves the list', async () => {
    await h.prisma.apiKey.update({ where: { id: g1KeyId }, data: { createdAt: new Date(Date.now() - 60_000) } });
    const first = await list({ first: 1 });
    expect(first.edges.map((e) => e.node.keyId)).toEqual([b3KeyId]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list({ first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.keyId)).toEqual([g1KeyId]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await h.gql(LIST, { after: 'bm9wZQ==' }, as.admin))).toBe('BAD_USER_INPUT');
    await h.prisma.apiKey.update({ where: { id: b3KeyId }, data: { revokedAt: new Date() } });
    expect((await list()).edges.map((e) => e.node.keyId)).toEqual([g1KeyId]);
  });
});
