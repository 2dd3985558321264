// Feedback from members to the organisation (党员意见建议). A member submits about their own
// unit; secretaries of that unit (or above, or an admin) move it along
//   SUBMITTED → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED
// with a response — an acknowledged item settled at once may go straight to RESOLVED — and may
// close it unresolved (declined) from any open status with a response saying why. The enum has
// no REJECTED: CLOSED without RESOLVED is the refusal.
import { Prisma, type FeedbackCategory, type FeedbackStatus, type MemberFeedback } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { conflict, FieldErrors, forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { checkText } from '../appraisal/text.js';
import { writeRecord } from '../../shared/records/write.js';
import { changeLocked } from '../../shared/records/versions.js';

/** The one copy of the flow: the pages read it through MemberFeedback.nextStatuses. */
export const NEXT: Readonly<Record<FeedbackStatus, readonly FeedbackStatus[]>> = {
  SUBMITTED: ['ACKNOWLEDGED', 'CLOSED'],
  // Many requests are settled by the secretary on the spot: IN_PROGRESS would be a formality.
  ACKNOWLEDGED: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['RESOLVED', 'CLOSED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};

/** Statuses that tell the member an outcome, so they must carry a response. */
const NEEDS_RESPONSE: readonly FeedbackStatus[] = ['RESOLVED', 'CLOSED'];

export const STATUS_ZH: Record<FeedbackStatus, string> = {
  SUBMITTED: '已提交',
  ACKNOWLEDGED: '已受理',
  IN_PROGRESS: '办理中',
  RESOLVED: '已办结',
  CLOSED: '已关闭',
};

export interface SubmitFeedbackInput {
  category: FeedbackCategory;
  topic: string;
  content: string;
}

export async function submitFeedback(ctx: Context, input: SubmitFeedbackInput): Promise<MemberFeedback> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind !== 'account' || !p.memberId) {
    throw forbidden('Feedback is submitted by members: this account has no member record.', '意见建议须由党员本人提交：该账号没有对应的党员记录。');
  }
  const errs = new FieldErrors();
  checkText(errs, 'input.topic', input.topic, 2, 100, true);
  checkText(errs, 'input.content', input.content, 10, 5000, false);
  errs.throwIfAny();
  const member = await ctx.prisma.member.findUnique({ where: { id: p.memberId }, select: { id: true, orgUnitId: true, status: true } });
  if (!member) throw notFound('Member', '党员', p.memberId);
  if (member.status !== 'ACTIVE') {
    throw forbidden(`Your member status is ${member.status}; only active members submit feedback.`, `您的党员状态为 ${member.status}，只有正常状态的党员可以提交意见建议。`);
  }
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.memberFeedback.create({
      data: {
        orgUnitId: member.orgUnitId,
        memberId: member.id,
        category: input.category,
        topic: input.topic.trim(),
        content: input.content.trim(),
        submittedAt: ctx.config.now(),
      },
    });
    await writeRecord(tx, ctx, 'MemberFeedback', row);
    return row;
  });
}

export interface RespondInput {
  status: FeedbackStatus;
  response?: string | null;
  expectedVersion?: number | null;
}

export async function respondToFeedback(ctx: Context, id: string, input: RespondInput): Promise<MemberFeedback> {
  const found = await ctx.prisma.memberFeedback.findUnique({ where: { id: requireUuid('id', id) }, include: { orgUnit: true } });
  if (!found) throw notFound('Feedback', '意见建议', id);
  assertCanWriteUnit(ctx, found.orgUnit);
  const p = ctx.principal;
  if (p.kind === 'account' && p.memberId === found.memberId) {
    throw forbidden('You cannot handle your own feedback: another secretary of the unit or an administrator must respond.', '不能办理本人提交的意见建议，请由其他书记或管理员答复。');
  }
  const errs = new FieldErrors();
  checkText(errs, 'input.response', input.response, 1, 5000, false);
  if (NEEDS_RESPONSE.includes(input.status) && !input.response?.trim()) {
    errs.add('input.response', `is required when the status becomes ${input.status}: tell the member the outcome.`, `状态改为「${STATUS_ZH[input.status]}」时必须填写答复，告知党员办理结果。`);
  }
  errs.throwIfAny();
  return changeLocked(ctx, 'MemberFeedback', found.id, (row) => {
    if (input.expectedVersion != null && input.expectedVersion !== row.version) {
      throw conflict(
        `This feedback was changed by someone else (now version ${row.version}, you acted on version ${input.expectedVersion}); reload and try again.`,
        `该意见建议已被他人处理（当前第 ${row.version} 版，您操作的是第 ${input.expectedVersion} 版），请刷新后重试。`,
        { currentVersion: row.version, expectedVersion: input.expectedVersion },
      );
    }
    const allowed = NEXT[row.status];
    if (!allowed.includes(input.status)) {
      throw conflict(
        `Feedback in status ${row.status} cannot become ${input.status}; ${allowed.length ? `next may be ${allowed.join(' or ')}` : 'it is closed'}.`,
        `状态为「${STATUS_ZH[row.status]}」的意见建议不能改为「${STATUS_ZH[input.status]}」；${allowed.length ? `可改为「${allowed.map((s) => STATUS_ZH[s]).join('」或「')}」` : '该意见建议已关闭'}。`,
        { status: row.status, allowed },
      );
    }
    const response = input.response?.trim();
    const data: Prisma.MemberFeedbackUncheckedUpdateInput = { status: input.status };
    if (response) {
      data.response = response;
      data.respondedById = p.kind === 'account' ? p.accountId : null;
      data.respondedAt = ctx.config.now();
    }
    return data;
  });
}
