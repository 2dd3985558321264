// Demo notices (通知公告, issue #22): one from the top committee to every account under it, one from
// the demo branch to its members, and receipts — the demo member confirmed the first, the branch
// secretary has read it — and the member's comment on the branch's notice (a discussion record).
// Written after the accounts, whose ids the receipts and the comment name.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { addDays, BASE_DATE } from './dates.js';
import type { OrgPlan } from './org.js';
import { Prng } from './prng.js';
import { Sink, type ChunkData } from './sink.js';

export async function demoNotices(client: pg.Client, plan: OrgPlan, seed: string | number, salt: () => Buffer): Promise<ChunkData> {
  const rng = new Prng(seed, 'notices');
  const sink = new Sink(salt);
  const accounts = new Map(
    (await client.query<{ id: string; username: string; scope_unit_id: string; member_id: string | null }>(`SELECT id, username, scope_unit_id, member_id FROM account WHERE username IN ('admin', 'secretary', 'member')`)).rows.map((a) => [a.username, a]),
  );
  const branch = plan.branches[0]!;
  const at = (days: number, hour: number) => new Date(addDays(BASE_DATE, days).getTime() + (hour - 8) * 3_600_000);
  const notice = (orgUnitId: string, title: string, body: string, publishedAt: Date) => {
    const row = { id: rng.uuid(), orgUnitId, title, body, audience: 'SUBTREE', roles: [], memberIds: [], decisionId: null, publishedById: accounts.get('admin')?.id ?? null, publishedAt, remindedAt: null, withdrawnAt: null };
    sink.record('Notice', row, publishedAt);
    return row;
  };
  const yearEnd = notice(plan.committee.id, '关于做好2026年度党建工作总结的通知', '各基层党组织：请于12月20日前完成本年度党建工作总结，并报上级党委组织部门。', at(-5, 10));
  const lifeMeeting = notice(branch.id, '关于召开2026年度组织生活会的通知', '全体党员：支部定于1月中旬召开年度组织生活会，开展民主评议党员，请提前准备个人对照检查材料。', at(3, 15));
  const receipt = (username: string, readAt: Date, acknowledgedAt: Date | null) => {
    const a = accounts.get(username);
    if (!a) return;
    sink.record('NoticeReceipt', { id: rng.uuid(), orgUnitId: a.scope_unit_id, noticeId: yearEnd.id, accountId: a.id, readAt, acknowledgedAt }, acknowledgedAt ?? readAt);
  };
  receipt('member', at(-4, 9), at(-4, 9));
  receipt('secretary', at(-5, 16), null);
  // The record holds the text's hash, not the text (decision 018); the row keeps both, tied by a check.
  const member = accounts.get('member');
  if (member) {
    const body = '我已开始准备个人对照检查材料，建议会前安排一次谈心谈话。';
    const postedAt = at(3, 18);
    sink.record('Comment', {
      id: rng.uuid(), orgUnitId: branch.id, subjectType: 'NOTICE', subjectId: lifeMeeting.id, accountId: member.id, memberId: member.member_id,
      body, bodySha256: createHash('sha256').update(body, 'utf8').digest('hex'), mentionIds: [], hiddenAt: null, hiddenReason: null, hiddenById: null,
    }, postedAt);
  }
  return sink.take();
}
