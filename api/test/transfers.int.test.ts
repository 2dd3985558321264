// Transfer letters through GraphQL on a real database: issuing with its validity (3 months,
// 6 across provinces, on the movable clock), receiving (the member moves: a new Member version),
// receipts from outside organisations, expiry (refused and recorded as EXPIRED; the sweep),
// cancelling, and who may do and see what. Then one flow end to end on the real stack: the
// records it writes are anchored on a chain node and every bundle verifies online with the CLI.
import { beforeAll, describe, expect, it } from 'vitest';
import { recordData, type OrgUnit } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import type { ProofBundle } from '@lianjian/verify';
import { ACCOUNT_NAMES, sessionFor } from './fixtures.js';
import { verifyWithCli } from './e2e-stack.js';
import { ok, codeOf } from './harness.js';
import { apiSuite, e2eSuite } from './suite.js';

const LONG = { expiresAt: new Date('2100-01-01T00:00:00Z') };
const FIELDS = 'id version status memberId memberName orgUnitId fromUnitName toUnitId toUnitName toOrganisation fromProvince toProvince crossProvince letterNo issuedOn validUntil receivedOn receiptNo lapsed';
const ISSUE = `mutation($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { ${FIELDS} } }`;
const RECEIVE = `mutation($id: ID!, $r: String) { receiveTransfer(id: $id, receiptNo: $r) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelTransfer(id: $id) { ${FIELDS} } }`;
const SWEEP = `mutation($u: ID) { expireTransferLetters(under: $u) { id status version } }`;
const ONE = `query($id: ID!) { transfer(id: $id) { ${FIELDS} } }`;

type T = { id: string; version: number; status: string; validUntil: string; crossProvince: boolean; lapsed: boolean; receivedOn: string | null; memberName: string; fromProvince: string; toProvince: string };

describe('transfer letters', () => {
  const { h, fx, as } = apiSuite({ bulk: 1, sessions: ACCOUNT_NAMES, expiresAt: LONG.expiresAt, others: ['secB2', 'secSh', 'm2'] });
  let sh: OrgUnit;
  const day = (iso: string) => {
    h.clock.now = new Date(`${iso}T04:00:00.000Z`); // noon in China
  };
  const ids = {} as Record<'m1' | 'm3' | 'm2' | 'm4' | 'outside' | 'cancel', string>;

  beforeAll(async () => {
    // A branch in Shanghai (the fixture's units are all in Beijing), written with its record.
    sh = await h.prisma.$transaction(async (tx) => {
      const u = await tx.orgUnit.create({ data: { name: '上海党支部', kind: 'BRANCH', parentId: fx.units.g2.id, code: `T-sh-${Date.now()}`, province: '上海市' } });
      await appendRecords(tx, [{ type: 'OrgUnit', id: u.id, version: u.version, org: u.id, actor: 'system', data: recordData('OrgUnit', u) }]);
      return u;
    });
    const account = async (username: string, role: 'SECRETARY' | 'MEMBER', scopeUnitId: string, memberId: string | null = null) =>
      sessionFor(h.prisma, (await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'x', role, scopeUnitId, memberId } })).id, LONG);
    as.secB2 = { token: await account('sec-b2', 'SECRETARY', fx.units.b2.id) };
    as.secSh = { token: await account('sec-sh', 'SECRETARY', sh.id) };
    as.m2 = { token: await account('m2', 'MEMBER', fx.units.b1.id, fx.members.m2.id) };
    day('2026-01-15');
  });

  it('refuses bad letters, naming the fields', async () => {
    const both = await h.gql(ISSUE, { input: { memberId: fx.members.m1.id, letterNo: 'L-1', toUnitId: fx.units.b2.id, toOrganisation: '某单位党委' } }, as.secretary);
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0]!.extensions.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'input.toUnitId' })]));
    const neither = await h.gql(ISSUE, { input: { memberId: fx.members.m1.id, letterNo: 'L-1' } }, as.secretary);
    expect(codeOf(neither)).toBe('BAD_USER_INPUT');
    const noProvince = await h.gql(ISSUE, { input: { memberId: fx.members.m1.id, letterNo: 'L-1', toOrganisation: '某单位党委' } }, as.secretary);
    expect(noProvince.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: 'input.toProvince' })]);
    const fields = async (input: Record<string, unknown>) => {
      const res = await h.gql(ISSUE, { input: { memberId: fx.members.m1.id, letterNo: 'L-1', ...input } }, as.secretary);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      return (res.errors![0]!.extensions.fields as { field: string }[]).map((f) => f.field);
    };
    expect(await fields({ toUnitId: fx.units.b1.id })).toEqual(['input.toUnitId']); // the member's own unit
    expect(await fields({ toUnitId: fx.units.g2.id })).toEqual(['input.toUnitId']); // not a branch or group
    expect(await fields({ toUnitId: fx.units.b2.id, toProvince: '广东省' })).toEqual(['input.toProvince']);
    expect(await fields({ toUnitId: fx.units.b2.id, letterNo: '\u0007' })).toEqual(['input.letterNo']);
    expect(await fields({ toUnitId: fx.units.b2.id, memberId: fx.bulk[0]!.id })).toEqual(['input.memberId']); // an applicant
  });

  it('is issued only by a writer of the member’s unit', async () => {
    const input = { memberId: fx.members.m1.id, letterNo: 'L-1', toUnitId: fx.units.b2.id };
    for (const who of ['otherSecretary', 'leader', 'member', 'secB2'] as const) expect(codeOf(await h.gql(ISSUE, { input }, as[who])), who).toBe('FORBIDDEN');
  });

  it('is valid 3 months within a province and 6 across, from today', async () => {
    const m1 = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: fx.members.m1.id, letterNo: ' 京组转〔2026〕1号 ', toUnitId: fx.units.b2.id } }, as.secretary)).issueTransferLetter;
    expect(m1).toMatchObject({ version: 1, status: 'ISSUED', crossProvince: false, fromProvince: '北京', toProvince: '北京', validUntil: '2026-04-15', lapsed: false });
    ids.m1 = m1.id;
    const m3 = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: fx.members.m3.id, letterNo: 'L-m3', toUnitId: fx.units.b1.id } }, as.admin)).issueTransferLetter;
    expect(m3).toMatchObject({ crossProvince: false, validUntil: '2026-04-15' });
    ids.m3 = m3.id;
    const m2 = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: fx.members.m2.id, letterNo: 'L-m2', toUnitId: sh.id } }, as.secretary)).issueTransferLetter;
    expect(m2).toMatchObject({ crossProvince: true, fromProvince: '北京', toProvince: '上海市', validUntil: '2026-07-15' });
    ids.m2 = m2.id;
    const m4 = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: fx.members.m4.id, letterNo: 'L-m4', toOrganisation: '广州某公司党委', toProvince: '广东省' } }, as.otherSecretary)).issueTransferLetter;
    expect(m4).toMatchObject({ crossProvince: true, validUntil: '2026-07-15' });
    ids.m4 = m4.id;
  });

  it('refuses a second open letter for a member and a reused letter number', async () => {
    const second = await h.gql(ISSUE, { input: { memberId: fx.members.m1.id, letterNo: 'L-other', toUnitId: sh.id } }, as.secretary);
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors![0]!.extensions.transferId).toBe(ids.m1);
    await h.prisma.$transaction(async (tx) => {
      // A full member of b1g with no letter, so that only the number is wrong.
      const m = await tx.member.create({ data: { orgUnitId: fx.units.b1g.id, name: '新人', gender: 'MALE', birthDate: new Date('1990-01-01'), ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL', fullMemberSince: new Date('2015-01-01') } });
      await appendRecords(tx, [{ type: 'Member', id: m.id, version: 1, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) }]);
      ids.cancel = m.id;
    });
    const dup = await h.gql(ISSUE, { input: { memberId: ids.cancel, letterNo: 'L-m2', toUnitId: fx.units.b2.id } }, as.secretary);
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(dup.errors![0]!.extensions.letterNo).toBe('L-m2');
  });

  it('is seen by the member, the issuing and the receiving side; not by others', async () => {
    expect(ok(await h.gql<{ transfer: T }>(ONE, { id: ids.m1 }, as.member)).transfer.id).toBe(ids.m1);
    expect(ok(await h.gql<{ myTransfers: { totalCount: number } }>(`{ myTransfers(first: 5) { totalCount } }`, {}, as.member)).myTransfers.totalCount).toBe(1);
    expect(codeOf(await h.gql(ONE, { id: ids.m1 }, as.m2))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(ONE, { id: ids.m1 }, as.otherSecretary))).toBe('FORBIDDEN');
    const incoming = ok(await h.gql<{ transfers: { totalCount: number; edges: { node: T }[] } }>(`{ transfers(first: 10, direction: INCOMING) { totalCount edges { node { ${FIELDS} } } } }`, {}, as.secB2)).transfers;
    expect(incoming.edges.map((e) => e.node.id)).toEqual([ids.m1]);
    expect(incoming.edges[0]!.node.memberName).toBe(fx.members.m1.name);
    const outgoing = ok(await h.gql<{ transfers: { totalCount: number } }>(`{ transfers(first: 10, direction: OUTGOING, status: ISSUED) { totalCount } }`, {}, as.secretary)).transfers;
    expect(outgoing.totalCount).toBe(2); // m1's and m2's
    expect(codeOf(await h.gql(`{ transfers(first: 10) { totalCount } }`, {}, as.member))).toBe('FORBIDDEN');
  });

  it('is received only by the receiving unit, through the last valid day; the member moves as a new version', async () => {
    day('2026-04-15');
    expect(codeOf(await h.gql(RECEIVE, { id: ids.m1 }, as.secretary))).toBe('FORBIDDEN'); // issuing side: b2 is not theirs
    expect(codeOf(await h.gql(RECEIVE, { id: ids.m1 }, as.otherSecretary))).toBe('FORBIDDEN');
    const before = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m1.id } });
    const t = ok(await h.gql<{ receiveTransfer: T }>(RECEIVE, { id: ids.m1 }, as.secB2)).receiveTransfer;
    expect(t).toMatchObject({ status: 'RECEIVED', version: 2, receivedOn: '2026-04-15' });
    const after = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m1.id } });
    expect(after).toMatchObject({ orgUnitId: fx.units.b2.id, version: before.version + 1, status: 'ACTIVE' });
    const rec = await h.prisma.outboxRecord.findUniqueOrThrow({ where: { entityType_entityId_version: { entityType: 'Member', entityId: after.id, version: after.version } } });
    expect(rec.orgUnitId).toBe(fx.units.b2.id);
    expect(codeOf(await h.gql(RECEIVE, { id: ids.m1 }, as.secB2))).toBe('CONFLICT');
    // The issuing side still sees its letter; the receiving side now sees the member.
    expect(ok(await h.gql<{ transfer: T }>(ONE, { id: ids.m1 }, as.secretary)).transfer.status).toBe('RECEIVED');
    expect(ok(await h.gql<{ member: { orgUnitId: string } }>(`query($id: ID!) { member(id: $id) { orgUnitId } }`, { id: fx.members.m1.id }, as.secB2)).member.orgUnitId).toBe(fx.units.b2.id);
  });

  it('refuses an expired letter and records it as EXPIRED; 6 months across provinces still hold', async () => {
    day('2026-04-16');
    expect(ok(await h.gql<{ transfer: T }>(ONE, { id: ids.m3 }, as.secretary)).transfer.lapsed).toBe(true);
    const late = await h.gql(RECEIVE, { id: ids.m3 }, as.secretary);
    expect(codeOf(late)).toBe('TRANSFER_EXPIRED');
    expect(late.errors![0]!.extensions).toMatchObject({ validUntil: '2026-04-15', today: '2026-04-16' });
    const expired = ok(await h.gql<{ transfer: T }>(ONE, { id: ids.m3 }, as.admin)).transfer;
    expect(expired).toMatchObject({ status: 'EXPIRED', version: 2, lapsed: false });
    expect((await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m3.id } })).orgUnitId).toBe(fx.units.b2.id);
    expect(codeOf(await h.gql(RECEIVE, { id: ids.m3 }, as.secretary))).toBe('CONFLICT'); // EXPIRED, not ISSUED
    const hist = ok(await h.gql<{ history: { edges: { node: { data: { status: string } } }[] } }>(`query($id: ID!) { history(type: "MembershipTransfer", id: $id, first: 5) { edges { node { data } } } }`, { id: ids.m3 }, as.admin));
    expect(hist.history.edges.map((e) => e.node.data.status)).toEqual(['ISSUED', 'EXPIRED']);

    const cross = ok(await h.gql<{ receiveTransfer: T }>(RECEIVE, { id: ids.m2 }, as.secSh)).receiveTransfer;
    expect(cross).toMatchObject({ status: 'RECEIVED', receivedOn: '2026-04-16' });
    expect((await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m2.id } })).orgUnitId).toBe(sh.id);
  });

  it('sweeps letters past 6 months across provinces on the day after, not before', async () => {
    day('2026-07-15');
    expect(ok(await h.gql<{ expireTransferLetters: unknown[] }>(SWEEP, {}, as.otherSecretary)).expireTransferLetters).toEqual([]);
    day('2026-07-16');
    expect(codeOf(await h.gql(SWEEP, {}, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(SWEEP, { u: fx.units.b3.id }, as.secretary))).toBe('FORBIDDEN');
    const swept = ok(await h.gql<{ expireTransferLetters: { id: string; status: string; version: number }[] }>(SWEEP, {}, as.otherSecretary)).expireTransferLetters;
    expect(swept).toEqual([{ id: ids.m4, status: 'EXPIRED', version: 2 }]);
    const list = ok(await h.gql<{ transfers: { edges: { node: { id: string } }[] } }>(`{ transfers(first: 10, status: EXPIRED) { edges { node { id } } } }`, {}, as.admin)).transfers;
    expect(new Set(list.edges.map((e) => e.node.id))).toEqual(new Set([ids.m3, ids.m4]));
  });

  it('records the receipt from an outside organisation: the member is TRANSFERRED_OUT', async () => {
    const letter = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: fx.members.m4.id, letterNo: 'L-m4-2', toOrganisation: '北京市某公司党委', toProvince: '北京市' } }, as.otherSecretary)).issueTransferLetter;
    expect(letter).toMatchObject({ crossProvince: false, validUntil: '2026-10-16' });
    ids.outside = letter.id;
    const noReceipt = await h.gql(RECEIVE, { id: letter.id }, as.otherSecretary);
    expect(codeOf(noReceipt)).toBe('BAD_USER_INPUT');
    expect(noReceipt.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ field: 'receiptNo' })]);
    const done = ok(await h.gql<{ receiveTransfer: T & { receiptNo: string } }>(RECEIVE, { id: letter.id, r: '回执-0042' }, as.otherSecretary)).receiveTransfer;
    expect(done).toMatchObject({ status: 'RECEIVED', receiptNo: '回执-0042', receivedOn: '2026-07-16' });
    const m4 = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m4.id } });
    expect(m4).toMatchObject({ status: 'TRANSFERRED_OUT', orgUnitId: fx.units.b3.id });
    expect(m4.statusChangedOn?.toISOString().slice(0, 10)).toBe('2026-07-16');
  });

  it('is cancelled by the issuing side only; a cancelled or expired letter cannot be cancelled', async () => {
    const letter = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: ids.cancel, letterNo: 'L-cancel', toUnitId: fx.units.b2.id } }, as.secretary)).issueTransferLetter;
    expect(codeOf(await h.gql(CANCEL, { id: letter.id }, as.secB2))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ cancelTransfer: T }>(CANCEL, { id: letter.id }, as.secretary)).cancelTransfer).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(codeOf(await h.gql(CANCEL, { id: letter.id }, as.secretary))).toBe('CONFLICT');
    expect(codeOf(await h.gql(RECEIVE, { id: letter.id }, as.secB2))).toBe('CONFLICT');
    // A lapsed letter: cancelling it records it as EXPIRED instead.
    const old = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: ids.cancel, letterNo: 'L-cancel-2', toUnitId: fx.units.b2.id } }, as.secretary)).issueTransferLetter;
    day('2026-12-01');
    expect(codeOf(await h.gql(CANCEL, { id: old.id }, as.secretary))).toBe('TRANSFER_EXPIRED');
    expect((await h.prisma.membershipTransfer.findUniqueOrThrow({ where: { id: old.id } })).status).toBe('EXPIRED');
  });

  it('refuses a letter past its window (3 months, 6 across provinces) whatever later validUntil it carries, saying the day it expired', async () => {
    // A letter written before the window was enforced (or by hand): valid "until" far beyond it.
    const row = await h.prisma.$transaction(async (tx) => {
      const m = await tx.member.create({ data: { orgUnitId: fx.units.b1.id, name: '旧信', gender: 'FEMALE', birthDate: new Date('1991-01-01'), ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL', fullMemberSince: new Date('2016-01-01') } });
      await appendRecords(tx, [{ type: 'Member', id: m.id, version: 1, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) }]);
      const t = await tx.membershipTransfer.create({
        data: { orgUnitId: fx.units.b1.id, memberId: m.id, toUnitId: fx.units.b2.id, fromProvince: '北京', toProvince: '北京', crossProvince: false, letterNo: 'L-stale', issuedOn: new Date('2026-08-03'), validUntil: new Date('2027-08-03') },
      });
      await appendRecords(tx, [{ type: 'MembershipTransfer', id: t.id, version: 1, org: t.orgUnitId, actor: 'system', data: recordData('MembershipTransfer', t) }]);
      return t;
    });
    day('2026-11-03');
    expect(ok(await h.gql<{ transfer: T }>(ONE, { id: row.id }, as.secB2)).transfer).toMatchObject({ status: 'ISSUED', lapsed: false });
    day('2026-11-04');
    expect(ok(await h.gql<{ transfer: T }>(ONE, { id: row.id }, as.secB2)).transfer).toMatchObject({ status: 'ISSUED', lapsed: true });
    const late = await h.gql(RECEIVE, { id: row.id }, as.secB2);
    expect(codeOf(late)).toBe('TRANSFER_EXPIRED');
    expect(late.errors![0]!.extensions).toMatchObject({ validUntil: '2026-11-03', today: '2026-11-04' });
    expect(late.errors![0]!.message).toContain('2026-11-03');
    expect(late.errors![0]!.extensions.messageZh).toContain('2026-11-03');
    const after = ok(await h.gql<{ transfer: T & { lastValidDay: string } }>(`query($id: ID!) { transfer(id: $id) { ${FIELDS} lastValidDay } }`, { id: row.id }, as.secB2)).transfer;
    expect(after).toMatchObject({ status: 'EXPIRED', version: 2, validUntil: '2027-08-03', lastValidDay: '2026-11-03' });
    expect((await h.prisma.member.findUniqueOrThrow({ where: { id: row.memberId } })).orgUnitId).toBe(fx.units.b1.id);
  });

  it('sweeps a letter past its window though its recorded validUntil is later', async () => {
    const row = await h.prisma.$transaction(async (tx) => {
      const m = await tx.member.create({ data: { orgUnitId: fx.units.b1.id, name: '旧信二', gender: 'MALE', birthDate: new Date('1991-01-01'), ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL', fullMemberSince: new Date('2016-01-01') } });
      await appendRecords(tx, [{ type: 'Member', id: m.id, version: 1, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) }]);
      const t = await tx.membershipTransfer.create({
        data: { orgUnitId: fx.units.b1.id, memberId: m.id, toUnitId: sh.id, fromProvince: '北京', toProvince: '上海市', crossProvince: true, letterNo: 'L-stale-2', issuedOn: new Date('2026-05-04'), validUntil: new Date('2027-05-04') },
      });
      await appendRecords(tx, [{ type: 'MembershipTransfer', id: t.id, version: 1, org: t.orgUnitId, actor: 'system', data: recordData('MembershipTransfer', t) }]);
      return t;
    });
    day('2026-11-04'); // its last day across provinces: not yet
    expect(ok(await h.gql<{ expireTransferLetters: unknown[] }>(SWEEP, {}, as.secretary)).expireTransferLetters).toEqual([]);
    day('2026-11-05');
    const swept = ok(await h.gql<{ expireTransferLetters: { id: string; status: string; version: number }[] }>(SWEEP, {}, as.secretary)).expireTransferLetters;
    expect(swept).toEqual([{ id: row.id, status: 'EXPIRED', version: 2 }]);
  });
});

describe('end to end: transfer, feedback and appraisal records anchored on chain and verified online', () => {
  const { s, as: { secretary, admin, member } } = e2eSuite({ totp: ['secretary', 'admin'], sessions: ['member'] });

  it('anchors every record of the flow, and each bundle the API serves verifies with lianjian-verify', async () => {
    const { m1 } = s.fx.members;

    const letter = ok(await s.h.gql<{ issueTransferLetter: { id: string } }>(ISSUE, { input: { memberId: m1.id, letterNo: 'E2E-1', toUnitId: s.fx.units.b2.id } }, secretary)).issueTransferLetter;
    ok(await s.h.gql(RECEIVE, { id: letter.id }, admin));
    const fb = ok(await s.h.gql<{ submitFeedback: { id: string } }>(`mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { id } }`, { i: { category: 'SUGGESTION', topic: '线上学习平台', content: '建议线上学习平台增加离线下载功能。' } }, member)).submitFeedback;
    ok(await s.h.gql(`mutation($id: ID!) { respondToFeedback(id: $id, status: ACKNOWLEDGED, response: "已受理") { id } }`, { id: fb.id }, admin));
    const year = Number(new Date().toISOString().slice(0, 4)) - 1;
    const campaign = ok(await s.h.gql<{ createAppraisalCampaign: { id: string } }>(
      `mutation($i: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $i) { id } }`,
      { i: { orgUnitId: s.fx.units.b1.id, year, title: `${year}年度民主评议党员`, opensOn: `${year + 1}-01-05`, closesOn: `${year + 1}-12-31` } },
      secretary,
    )).createAppraisalCampaign;
    ok(await s.h.gql(`mutation($id: ID!) { openAppraisalCampaign(id: $id) { status } }`, { id: campaign.id }, secretary));

    type P = { status: string; bundle: ProofBundle | null };
    type H = { edges: { node: { version: number; proof: P } }[] };
    const q = `query($t: ID!, $f: ID!, $c: ID!, $m: ID!) {
      t: history(type: "MembershipTransfer", id: $t, first: 5) { edges { node { version proof { status bundle } } } }
      f: history(type: "MemberFeedback", id: $f, first: 5) { edges { node { version proof { status bundle } } } }
      c: history(type: "AppraisalCampaign", id: $c, first: 5) { edges { node { version proof { status bundle } } } }
      m: record(type: "Member", id: $m) { version data proof { status bundle } } }`;
    const deadline = Date.now() + 60_000;
    let data: { t: H; f: H; c: H; m: { version: number; data: { stage: string }; proof: P } };
    for (;;) {
      data = ok(await s.h.gql<typeof data>(q, { t: letter.id, f: fb.id, c: campaign.id, m: m1.id }, admin));
      const all = [...data.t.edges, ...data.f.edges, ...data.c.edges].map((e) => e.node.proof).concat(data.m.proof);
      if (all.every((p) => p.status === 'ANCHORED')) break;
      if (Date.now() > deadline) throw new Error(`not anchored: ${all.map((p) => p.status).join(', ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(data.t.edges.map((e) => e.node.version)).toEqual([1, 2]);
    expect(data.f.edges.map((e) => e.node.version)).toEqual([1, 2]);
    expect(data.c.edges.map((e) => e.node.version)).toEqual([1, 2]);
    expect(data.m.proof.bundle!.document.org).toBe(s.fx.units.b2.id); // the move is in the member's record

    const bundles = [
      ...data.t.edges.map((e) => ({ name: `transfer-v${e.node.version}`, b: e.node.proof.bundle! })),
      ...data.f.edges.map((e) => ({ name: `feedback-v${e.node.version}`, b: e.node.proof.bundle! })),
      ...data.c.edges.map((e) => ({ name: `campaign-v${e.node.version}`, b: e.node.proof.bundle! })),
      { name: `member-v${data.m.version}`, b: data.m.proof.bundle! },
    ];
    const results = await Promise.all(bundles.map((x) => verifyWithCli(s.dir, x.name, x.b, s.rpcUrl)));
    results.forEach((r, i) => {
      expect(r.code, `${bundles[i]!.name}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^VERIFIED 已验证: /);
    });
    const forged = { ...bundles[1]!.b, document: { ...bundles[1]!.b.document, data: { ...bundles[1]!.b.document.data, status: 'CANCELLED' } } };
    const bad = await verifyWithCli(s.dir, 'forged-transfer', forged, s.rpcUrl);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^NOT VERIFIED 未通过验证: /);
  });
});
