// Organisational life end to end on the real stack (own chain node, database, in-process indexer,
// HTTP server): a secretary signed in with TOTP plans and publishes a themed day, a member
// registers, the secretary opens check-in, the member checks in with the code, the secretary
// marks another member present and records the minutes, the member gives feedback. Every version
// (meeting ×4, registration, attendance ×2, feedback, the points attendance earned) is anchored on
// chain by the indexer, and each bundle the API serves verifies online with lianjian-verify; the
// check-in code appears in none of them, and a bundle with altered minutes is refused.
import { recordData } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import type { ProofBundle } from '@lianjian/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { untilAnchored, verifyWithCli, type ProofView } from './e2e-stack.js';
import { sessionFor } from './fixtures.js';
import { ok, type Caller } from './harness.js';
import { e2eSuite } from './suite.js';

const ANCHOR_TIMEOUT_MS = 60_000;
const MIN = 60_000;

const { s, as: { secretary, member } } = e2eSuite({ totp: ['secretary'], sessions: ['member'], expiresAt: new Date('2100-01-01') });
let m2: Caller;

beforeAll(async () => {
  const m2Account = await s.h.prisma.account.create({
    data: { username: 'm2', displayName: '李四', passwordHash: 'unused', role: 'MEMBER', scopeUnitId: s.fx.units.b1g.id, memberId: s.fx.members.m2.id },
  });
  m2 = { token: await sessionFor(s.h.prisma, m2Account.id, { expiresAt: new Date('2100-01-01') }) };
  await s.h.prisma.$transaction(async (tx) => {
    const rule = await tx.pointsRule.create({
      // A themed day is booked under its own rule, not the general meeting rule.
      data: { orgUnitId: s.fx.units.root.id, code: 'THEMED_DAY', revision: 1, name: '参加主题党日', points: 2, effectiveFrom: new Date('2000-01-01') },
    });
    await appendRecords(tx, [{ type: 'PointsRule', id: rule.id, version: 1, org: rule.orgUnitId, actor: 'system', data: recordData('PointsRule', rule) }]);
  });
});

describe('secretary and members → API → indexer → chain → lianjian-verify', () => {
  let meetingId: string;
  let code: string;
  let minutesBundle: ProofBundle;

  it('runs a themed day through GraphQL', async () => {
    const t0 = s.h.clock.now;
    const start = new Date(Math.ceil((t0.getTime() + 30 * MIN) / MIN) * MIN);
    const planned = ok(
      await s.h.gql<{ planMeeting: { id: string; version: number; status: string } }>(
        `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id version status } }`,
        { input: { unitId: s.fx.units.b1.id, kind: 'THEMED_DAY', title: '主题党日：重温入党誓词', agenda: '重温誓词；交流', place: '党员活动室', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 60 * MIN).toISOString() } },
        secretary,
      ),
    ).planMeeting;
    expect(planned).toMatchObject({ version: 1, status: 'DRAFT' });
    meetingId = planned.id;
    expect(ok(await s.h.gql<{ publishMeeting: { version: number } }>(`mutation($id: ID!) { publishMeeting(id: $id) { version } }`, { id: meetingId }, secretary)).publishMeeting.version).toBe(2);
    expect(ok(await s.h.gql<{ registerForMeeting: { status: string } }>(`mutation($id: ID!) { registerForMeeting(meetingId: $id) { status } }`, { id: meetingId }, member)).registerForMeeting.status).toBe('REGISTERED');

    const opened = ok(await s.h.gql<{ openCheckIn: { code: string; meeting: { version: number; status: string } } }>(
      `mutation($id: ID!) { openCheckIn(id: $id, validMinutes: 10) { code meeting { version status } } }`,
      { id: meetingId },
      secretary,
    )).openCheckIn;
    expect(opened.meeting).toEqual({ version: 3, status: 'IN_PROGRESS' });
    code = opened.code;
    const checked = ok(await s.h.gql<{ checkIn: { status: string; method: string } }>(`mutation($id: ID!, $code: String!) { checkIn(meetingId: $id, code: $code) { status method } }`, { id: meetingId, code }, member)).checkIn;
    expect(checked).toEqual({ status: 'PRESENT', method: 'CODE' });
    s.h.clock.now = new Date(start.getTime() + 5 * MIN); // marking by hand waits for the start
    const marked = ok(await s.h.gql<{ recordAttendance: { status: string; method: string }[] }>(
      `mutation($id: ID!, $e: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $id, entries: $e) { status method } }`,
      { id: meetingId, e: [{ memberId: s.fx.members.m2.id, status: 'PRESENT' }] },
      secretary,
    )).recordAttendance;
    expect(marked).toEqual([{ status: 'PRESENT', method: 'MANUAL' }]);

    s.h.clock.now = new Date(start.getTime() + 70 * MIN);
    const done = ok(await s.h.gql<{ recordMinutes: { version: number; status: string } }>(`mutation($id: ID!, $t: String!) { recordMinutes(id: $id, minutes: $t) { version status } }`, { id: meetingId, t: '全体党员重温入党誓词，交流心得。' }, secretary)).recordMinutes;
    expect(done).toEqual({ version: 4, status: 'COMPLETED' });
    const fb = ok(await s.h.gql<{ submitMeetingFeedback: { rating: number } }>(`mutation($id: ID!) { submitMeetingFeedback(meetingId: $id, rating: 5, comment: "受教育") { rating } }`, { id: meetingId }, member)).submitMeetingFeedback;
    expect(fb.rating).toBe(5);
    s.h.clock.now = new Date();
  });

  it('anchors every version, and each served bundle verifies online with the CLI', async () => {
    const points = await s.h.prisma.pointsEntry.findMany({ where: { sourceType: 'Attendance' }, orderBy: { createdAt: 'asc' } });
    expect(points).toHaveLength(2); // the member's check-in and m2's manual PRESENT

    type Q = {
      history: { edges: { node: { version: number; data: Record<string, unknown>; proof: ProofView } }[] };
      meeting: {
        minutes: string;
        registrations: { edges: { node: { memberId: string; proof: ProofView } }[] };
        attendances: { edges: { node: { memberId: string; status: string; proof: ProofView } }[] };
        feedback: { edges: { node: { rating: number; proof: ProofView } }[] };
      };
      p1: { proof: ProofView };
      p2: { proof: ProofView };
    };
    const read = async () =>
      ok(
        await s.h.gql<Q>(
          `query($id: ID!, $p1: ID!, $p2: ID!) {
            history(type: "Meeting", id: $id, first: 10) { edges { node { version data proof { status bundle } } } }
            meeting(id: $id) {
              minutes
              registrations(first: 10) { edges { node { memberId proof { status bundle } } } }
              attendances(first: 10) { edges { node { memberId status proof { status bundle } } } }
              feedback(first: 10) { edges { node { rating proof { status bundle } } } }
            }
            p1: record(type: "PointsEntry", id: $p1) { proof { status bundle } }
            p2: record(type: "PointsEntry", id: $p2) { proof { status bundle } }
          }`,
          { id: meetingId, p1: points[0]!.id, p2: points[1]!.id },
          secretary,
        ),
      );
    const d = await untilAnchored('the meeting and its participation', read, (v) => [
      ...v.history.edges.map((e) => e.node.proof),
      ...v.meeting.registrations.edges.map((e) => e.node.proof),
      ...v.meeting.attendances.edges.map((e) => e.node.proof),
      ...v.meeting.feedback.edges.map((e) => e.node.proof),
      v.p1.proof,
      v.p2.proof,
    ], ANCHOR_TIMEOUT_MS);

    const versions = d.history.edges.map((e) => e.node);
    expect(versions.map((v) => [v.version, v.data.status])).toEqual([
      [1, 'DRAFT'],
      [2, 'PUBLISHED'],
      [3, 'IN_PROGRESS'],
      [4, 'COMPLETED'],
    ]);
    expect(versions[3]!.data.minutes).toBe(d.meeting.minutes);
    expect(d.meeting.attendances.edges.map((e) => e.node.memberId).sort()).toEqual([s.fx.members.m1.id, s.fx.members.m2.id].sort());

    const bundles = [
      ...versions.map((v) => ({ name: `meeting-v${v.version}`, bundle: v.proof.bundle! })),
      ...d.meeting.registrations.edges.map((e, i) => ({ name: `registration-${i}`, bundle: e.node.proof.bundle! })),
      ...d.meeting.attendances.edges.map((e, i) => ({ name: `attendance-${i}`, bundle: e.node.proof.bundle! })),
      ...d.meeting.feedback.edges.map((e, i) => ({ name: `feedback-${i}`, bundle: e.node.proof.bundle! })),
      { name: 'points-1', bundle: d.p1.proof.bundle! },
      { name: 'points-2', bundle: d.p2.proof.bundle! },
    ];
    expect(bundles).toHaveLength(10);
    for (const b of bundles) {
      const text = JSON.stringify(b.bundle);
      expect(text).not.toContain('checkInCode');
      expect(text).not.toContain(`"${code}"`);
    }
    // Two CLI processes at a time: the machine has two cores.
    for (let i = 0; i < bundles.length; i += 2) {
      const pair = bundles.slice(i, i + 2);
      const results = await Promise.all(pair.map((b) => verifyWithCli(s.dir, b.name, b.bundle, s.rpcUrl)));
      results.forEach((r, j) => {
        expect(r.stderr, pair[j]!.name).toBe('');
        expect(r.code, `${pair[j]!.name}: ${r.stdout}`).toBe(0);
        expect(r.stdout).toMatch(/^VERIFIED 已验证: /);
        expect(r.stdout).toContain(`on ${pair[j]!.bundle.anchor!.chainId}`);
      });
    }
    minutesBundle = versions[3]!.proof.bundle!;
  });

  it('refuses a bundle whose minutes were changed', async () => {
    expect(minutesBundle).toBeDefined();
    const forged = { ...minutesBundle, document: { ...minutesBundle.document, data: { ...minutesBundle.document.data, minutes: '未开会' } } };
    const r = await verifyWithCli(s.dir, 'forged-minutes', forged, s.rpcUrl);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^NOT VERIFIED 未通过验证: /);
  });
});
