// Transfer letters between subtrees (issue #19 item 4, docs/decisions/015) through GraphQL on a
// real database: the directory of units a letter can go to, the receiving secretary seeing and
// receiving an incoming letter (and nobody else receiving it), the lowest common level named on
// every letter in the system and countersigning those between grassroots committees, and the
// public check of an outside letter's verification code — what it reveals, that an unknown and a
// cancelled letter's code answer alike, and that wrong codes are rate limited per address.
import { beforeAll, describe, expect, it } from 'vitest';
import { recordData, type OrgUnit } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { sessionFor } from './fixtures.js';
import { codeOf, ok } from './harness.js';
import { apiSuite } from './suite.js';

const LONG = { expiresAt: new Date('2100-01-01T00:00:00Z') };
const FIELDS = 'id version status memberName fromUnitName toUnitName viaUnitId viaUnitName needsEndorsement endorsedOn endorsedById verifyCode';
const ISSUE = `mutation($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { ${FIELDS} } }`;
const RECEIVE = `mutation($id: ID!, $r: String) { receiveTransfer(id: $id, receiptNo: $r) { ${FIELDS} } }`;
const ENDORSE = `mutation($id: ID!) { endorseTransfer(id: $id) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelTransfer(id: $id) { id status } }`;
const DEST = `query($s: String, $first: Int, $after: String) { transferDestinations(search: $s, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id name kind province pathNames } } } }`;
const CHECK = `query($c: String!) { transferLetterCheck(code: $c) { status lastValidDay lapsed fromUnitName memberNameMasked proof { type entityId version document } } }`;

type T = {
  id: string;
  version: number;
  status: string;
  memberName: string;
  viaUnitId: string | null;
  viaUnitName: string | null;
  needsEndorsement: boolean;
  endorsedOn: string | null;
  endorsedById: string | null;
  verifyCode: string | null;
};
type Dest = { id: string; name: string; kind: string; province: string; pathNames: string[] };

describe('transfer letters between subtrees', () => {
  const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member', 'otherSecretary'], expiresAt: LONG.expiresAt, others: ['secA', 'secB', 'secCA', 'approver'] });
  // Two grassroots committees under the fixture's root committee, a branch in each.
  const u = {} as Record<'ca' | 'cb' | 'ba' | 'bb', OrgUnit>;
  const ids = {} as Record<'mA' | 'mOut' | 'within' | 'cross' | 'outside' | 'cancelled', string>;
  const day = (iso: string) => {
    h.clock.now = new Date(`${iso}T04:00:00.000Z`); // noon in China
  };

  beforeAll(async () => {
    await h.prisma.$transaction(async (tx) => {
      const unit = async (name: string, kind: OrgUnit['kind'], parentId: string) => {
        const row = await tx.orgUnit.create({ data: { name, kind, parentId, code: `T-lv-${name}-${Date.now()}`, province: '北京' } });
        await appendRecords(tx, [{ type: 'OrgUnit', id: row.id, version: row.version, org: row.id, actor: 'system', data: recordData('OrgUnit', row) }]);
        return row;
      };
      u.ca = await unit('甲公司党委', 'COMMITTEE', fx.units.root.id);
      u.cb = await unit('乙公司党委', 'COMMITTEE', fx.units.root.id);
      u.ba = await unit('甲公司第一党支部', 'BRANCH', u.ca.id);
      u.bb = await unit('乙公司第一党支部', 'BRANCH', u.cb.id);
      const member = async (name: string, orgUnitId: string) => {
        const m = await tx.member.create({ data: { orgUnitId, name, gender: 'FEMALE', birthDate: new Date('1990-01-01'), ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL', fullMemberSince: new Date('2015-01-01') } });
        await appendRecords(tx, [{ type: 'Member', id: m.id, version: 1, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) }]);
        return m.id;
      };
      ids.mA = await member('欧阳娜', u.ba.id);
      ids.mOut = await member('钱七', fx.units.b3.id);
    });
    const account = async (username: string, scopeUnitId: string) =>
      sessionFor(h.prisma, (await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'x', role: 'SECRETARY', scopeUnitId } })).id, LONG);
    as.secA = { token: await account('sec-a', u.ba.id) };
    as.secB = { token: await account('sec-b', u.bb.id) };
    as.secCA = { token: await account('sec-ca', u.ca.id) };
    as.approver = { token: await account('approver-root', fx.units.root.id) };
    day('2026-03-02');
  });

  it('offers every active branch and group as a destination to accounts that issue letters, by name, with the names above it', async () => {
    const all = ok(await h.gql<{ transferDestinations: { edges: { node: Dest }[] } }>(DEST, { first: 50 }, as.secretary)).transferDestinations.edges.map((e) => e.node);
    // Branches outside the secretary's own subtree (b1) too; no committees or general branches.
    expect(all.map((d) => d.name)).toEqual(expect.arrayContaining(['第一党支部', '第三党支部', '第一党小组', '甲公司第一党支部', '乙公司第一党支部']));
    expect(all.every((d) => d.kind === 'BRANCH' || d.kind === 'GROUP')).toBe(true);
    const bb = ok(await h.gql<{ transferDestinations: { edges: { node: Dest }[] } }>(DEST, { s: '乙公司' }, as.secretary)).transferDestinations.edges.map((e) => e.node);
    expect(bb).toEqual([{ id: u.bb.id, name: '乙公司第一党支部', kind: 'BRANCH', province: '北京', pathNames: ['测试党委', '乙公司党委'] }]);
    // Paged in tree order, without repeats.
    const first = ok(await h.gql<{ transferDestinations: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Dest }[] } }>(DEST, { first: 2 }, as.secretary)).transferDestinations;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(await h.gql<{ transferDestinations: { edges: { node: Dest }[] } }>(DEST, { first: 2, after: first.pageInfo.endCursor }, as.secretary)).transferDestinations;
    expect(next.edges.map((e) => e.node.id)).toEqual(all.slice(2, 4).map((d) => d.id));
    // No members or counts to ask for, and only for those who issue letters.
    expect(codeOf(await h.gql(`{ transferDestinations(first: 1) { edges { node { members { totalCount } } } } }`, {}, as.secretary))).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const who of ['member', 'leader'] as const) expect(codeOf(await h.gql(DEST, {}, as[who])), who).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(DEST, {}, as.anonymous))).toBe('UNAUTHENTICATED');
  });

  it('names the common level of a letter within one committee, which needs no countersignature; the receiving secretary sees and receives it', async () => {
    // b1 (第一党总支) → b3 (第二党总支): through the root committee; nobody countersigns.
    const t = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: fx.members.m1.id, letterNo: 'LV-1', toUnitId: fx.units.b3.id } }, as.secretary)).issueTransferLetter;
    expect(t).toMatchObject({ viaUnitId: fx.units.root.id, viaUnitName: '测试党委', needsEndorsement: false, verifyCode: null });
    ids.within = t.id;
    // The receiving secretary (b3) sees it among the letters addressed to their unit, with whom to expect…
    const incoming = ok(await h.gql<{ transfers: { edges: { node: T }[] } }>(`{ transfers(first: 10, direction: INCOMING) { edges { node { ${FIELDS} } } } }`, {}, as.otherSecretary)).transfers;
    expect(incoming.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: t.id, memberName: fx.members.m1.name, fromUnitName: '第一党支部' })]);
    // Cancelling is the issuing side's: the receiving side is not offered it.
    const canCancel = async (who: 'secretary' | 'otherSecretary') => ok(await h.gql<{ transfer: { canCancel: boolean } }>(`query($id: ID!) { transfer(id: $id) { canCancel } }`, { id: t.id }, as[who])).transfer.canCancel;
    expect(await canCancel('otherSecretary')).toBe(false);
    expect(await canCancel('secretary')).toBe(true);
    // …but not the member's other records until the member is theirs.
    expect(codeOf(await h.gql(`query($id: ID!) { member(id: $id) { id } }`, { id: fx.members.m1.id }, as.otherSecretary))).toBe('FORBIDDEN');
    const endorse = await h.gql(ENDORSE, { id: t.id }, as.admin);
    expect(codeOf(endorse)).toBe('TRANSFER_ENDORSEMENT_NOT_NEEDED');
    expect(endorse.errors![0]!.extensions.messageZh).toContain('同一基层党委');
    // Only the receiving unit's side receives: not the issuing secretary, not a secretary elsewhere.
    for (const who of ['secretary', 'secB', 'leader'] as const) expect(codeOf(await h.gql(RECEIVE, { id: t.id }, as[who])), who).toBe('FORBIDDEN');
    const got = ok(await h.gql<{ receiveTransfer: T }>(RECEIVE, { id: t.id }, as.otherSecretary)).receiveTransfer;
    expect(got).toMatchObject({ status: 'RECEIVED', version: 2 });
    expect((await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m1.id } })).orgUnitId).toBe(fx.units.b3.id);
  });

  it('holds a letter between two committees until their lowest common level countersigns it', async () => {
    const t = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: ids.mA, letterNo: 'LV-2', toUnitId: u.bb.id } }, as.secA)).issueTransferLetter;
    expect(t).toMatchObject({ viaUnitId: fx.units.root.id, viaUnitName: '测试党委', needsEndorsement: true, endorsedOn: null });
    ids.cross = t.id;

    const early = await h.gql(RECEIVE, { id: t.id }, as.secB);
    expect(codeOf(early)).toBe('TRANSFER_NOT_ENDORSED');
    expect(early.errors![0]!.message).toContain('测试党委');
    expect(early.errors![0]!.extensions.messageZh).toContain('签署意见');

    // What waits on the common level shows in its list, not in a committee's below it.
    const waiting = `{ transfers(first: 10, awaitingEndorsement: true) { edges { node { id } } } }`;
    expect(ok(await h.gql<{ transfers: { edges: { node: { id: string } }[] } }>(waiting, {}, as.approver)).transfers.edges.map((e) => e.node.id)).toEqual([t.id]);
    expect(ok(await h.gql<{ transfers: { edges: unknown[] } }>(waiting, {}, as.secCA)).transfers.edges).toEqual([]);

    // Either end's committee or branch is the wrong level: a typed refusal naming the rule.
    for (const who of ['secCA', 'secA', 'secB'] as const) {
      const res = await h.gql(ENDORSE, { id: t.id }, as[who]);
      expect(codeOf(res), who).toBe('FORBIDDEN');
      expect((res.errors![0]!.extensions.rule as { code: string }).code, who).toBe('TRANSFER_NOT_THE_COMMON_LEVEL');
      expect(res.errors![0]!.extensions.messageZh, who).toContain('测试党委');
    }
    // A secretary who sees neither end learns nothing about the letter's levels.
    const stranger = await h.gql(ENDORSE, { id: t.id }, as.otherSecretary);
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    expect(stranger.errors![0]!.extensions.rule).toBeUndefined();
    expect(codeOf(await h.gql(ENDORSE, { id: t.id }, as.leader))).toBe('FORBIDDEN');

    day('2026-03-03');
    const endorsed = ok(await h.gql<{ endorseTransfer: T }>(ENDORSE, { id: t.id }, as.approver)).endorseTransfer;
    expect(endorsed).toMatchObject({ status: 'ISSUED', version: 2, endorsedOn: '2026-03-03' });
    expect(endorsed.endorsedById).toBeTruthy();
    expect(codeOf(await h.gql(ENDORSE, { id: t.id }, as.admin))).toBe('TRANSFER_ENDORSEMENT_NOT_NEEDED');

    const got = ok(await h.gql<{ receiveTransfer: T }>(RECEIVE, { id: t.id }, as.secB)).receiveTransfer;
    expect(got).toMatchObject({ status: 'RECEIVED', version: 3 });
    expect((await h.prisma.member.findUniqueOrThrow({ where: { id: ids.mA } })).orgUnitId).toBe(u.bb.id);
    // Each change is a record version: issued, countersigned, received.
    const hist = ok(await h.gql<{ history: { edges: { node: { data: { status: string; endorsedOn: string | null; viaUnitId: string } } }[] } }>(
      `query($id: ID!) { history(type: "MembershipTransfer", id: $id, first: 5) { edges { node { data } } } }`,
      { id: t.id },
      as.admin,
    )).history.edges.map((e) => e.node.data);
    expect(hist.map((d) => [d.status, d.endorsedOn])).toEqual([['ISSUED', null], ['ISSUED', '2026-03-03'], ['RECEIVED', '2026-03-03']]);
    expect(hist[0]!.viaUnitId).toBe(fx.units.root.id);
  });

  it('prints a verification code on a letter to an outside organisation; the public check shows only what the paper says', async () => {
    const t = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: fx.members.m4.id, letterNo: 'LV-3', toOrganisation: '某市某公司党委', toProvince: '北京市' } }, as.otherSecretary)).issueTransferLetter;
    expect(t.verifyCode).toMatch(/^[A-Z2-7]{16}$/);
    expect(t).toMatchObject({ viaUnitId: null, needsEndorsement: false });
    ids.outside = t.id;
    const printed = t.verifyCode!.toLowerCase().match(/.{4}/g)!.join('-');
    const seen = ok(await h.gql<{ transferLetterCheck: Record<string, unknown> & { proof: { entityId: string; version: number; document: { data: Record<string, unknown> } } | null } }>(CHECK, { c: printed }, { ip: '198.51.100.1' })).transferLetterCheck;
    expect(seen).toMatchObject({ status: 'ISSUED', lastValidDay: '2026-06-03', lapsed: false, fromUnitName: '第三党支部', memberNameMasked: '赵*' });
    expect(seen.proof).toMatchObject({ entityId: t.id, version: 1 });
    expect(seen.proof!.document.data.verifyCode).toBe(t.verifyCode); // the code is part of what the proof covers
    // Nothing else: the member's name, the letter's addressee are not fields of the answer.
    for (const field of ['memberName', 'toOrganisation', 'memberId', 'letterNo']) {
      expect(codeOf(await h.gql(`query($c: String!) { transferLetterCheck(code: $c) { ${field} } }`, { c: printed }, { ip: '198.51.100.1' })), field).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // After the receipt, the check says so.
    ok(await h.gql(RECEIVE, { id: t.id, r: '回执-7' }, as.otherSecretary));
    expect(ok(await h.gql<{ transferLetterCheck: { status: string } }>(CHECK, { c: t.verifyCode }, { ip: '198.51.100.1' })).transferLetterCheck.status).toBe('RECEIVED');
  });

  it('answers an unknown, a malformed and a cancelled letter’s code alike, and limits wrong codes per address', async () => {
    const t = ok(await h.gql<{ issueTransferLetter: T }>(ISSUE, { input: { memberId: ids.mOut, letterNo: 'LV-4', toOrganisation: '外省某单位党委', toProvince: '河北省' } }, as.otherSecretary)).issueTransferLetter;
    ids.cancelled = t.id;
    ok(await h.gql(CANCEL, { id: t.id }, as.otherSecretary));
    const ip = { ip: '198.51.100.2' };
    const answer = async (c: string | null) => {
      const res = await h.gql(CHECK, { c }, ip);
      return { data: res.data, errors: res.errors };
    };
    const cancelled = await answer(t.verifyCode);
    const unknown = await answer('AAAAAAAAAAAAAAAA');
    const malformed = await answer('not a code');
    expect(cancelled).toEqual({ data: { transferLetterCheck: null }, errors: undefined });
    expect(unknown).toEqual(cancelled);
    expect(malformed).toEqual(cancelled);
    // Five wrong codes from one address; the next lookup from it is refused, even with a good code.
    for (let i = 0; i < 2; i++) expect(ok(await h.gql<{ transferLetterCheck: null }>(CHECK, { c: `BBBBBBBBBBBBBBB${i + 2}` }, ip)).transferLetterCheck).toBeNull();
    const outside = await h.prisma.membershipTransfer.findUniqueOrThrow({ where: { id: ids.outside } });
    const limited = await h.gql(CHECK, { c: outside.verifyCode }, ip);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.errors![0]!.extensions.messageZh).toContain('核验码');
    // Another address is not held back.
    expect(ok(await h.gql<{ transferLetterCheck: { status: string } }>(CHECK, { c: outside.verifyCode }, { ip: '198.51.100.3' })).transferLetterCheck.status).toBe('RECEIVED');
  });
});
