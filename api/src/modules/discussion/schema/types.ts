// The comment type. Its text is answered to whoever sees the thread, except once hidden: then
// only to those who moderate it (the secretaries of the subject's unit and above); the others get
// null and read the reason. The record document carries the text's SHA-256 (bodySha256).
import { builder } from '../../../graphql/builder.js';
import { dbEnum, RoleEnum } from '../../../graphql/enums.js';
import { timestamps } from '../../../graphql/fields.js';
import { verifiableObject } from '../../../graphql/verifiable.js';
import type { Context } from '../../../shared/context.js';
import { assertCanSeeComment, canModerate, visibleSubject } from '../access.js';
import type { MentionCandidate } from '../service.js';

export const CommentSubjectEnum = dbEnum('CommentSubject', 'What a discussion thread is about: NOTICE 通知 / DECISION 决议 / MEETING 会议 (once held)');

async function moderates(ctx: Context, c: { subjectType: 'NOTICE' | 'DECISION' | 'MEETING'; subjectId: string }): Promise<boolean> {
  const s = await visibleSubject(ctx, c.subjectType, c.subjectId);
  return s !== null && canModerate(ctx, s.unitPath);
}

export const CommentPersonRef = builder.objectRef<{ accountId: string; name: string }>('CommentPerson').implement({
  description: 'Someone named in a discussion: the author or a person mentioned',
  fields: (t) => ({
    accountId: t.exposeID('accountId'),
    name: t.exposeString('name', { description: 'The account’s display name' }),
  }),
});

export const MentionCandidateRef = builder.objectRef<MentionCandidate>('CommentMentionCandidate').implement({
  description: 'Someone who can see the thread, and so may be mentioned in it',
  fields: (t) => ({
    accountId: t.exposeID('accountId'),
    name: t.exposeString('name', { description: 'The account’s display name' }),
    unitName: t.exposeString('unitName', { description: 'Their unit' }),
    role: t.expose('role', { type: RoleEnum }),
  }),
});

export const CommentRef = verifiableObject('Comment', assertCanSeeComment, {
  description: 'A comment in the discussion of a notice, a decision or a held meeting; hiding it is its next version',
  select: { subjectType: true, subjectId: true },
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId', { description: 'The subject’s unit, whose secretaries moderate the thread' }),
    subjectType: t.expose('subjectType', { type: CommentSubjectEnum }),
    subjectId: t.exposeID('subjectId'),
    author: t.field({
      type: CommentPersonRef,
      select: { accountId: true, account: { select: { displayName: true } } },
      resolve: (c) => ({ accountId: c.accountId, name: c.account.displayName }),
    }),
    mine: t.boolean({
      description: 'Whether you wrote it',
      select: { accountId: true },
      resolve: (c, _a, ctx) => ctx.principal.kind === 'account' && ctx.principal.accountId === c.accountId,
    }),
    body: t.string({
      nullable: true,
      description: 'The text; null once hidden, except to the secretaries who moderate the thread',
      select: { body: true, hiddenAt: true },
      resolve: async (c, _a, ctx) => (c.hiddenAt && !(await moderates(ctx, c)) ? null : c.body),
    }),
    bodySha256: t.exposeString('bodySha256', { description: 'SHA-256 of the text (UTF-8, hex): what the record document holds, so the text is proven by the proof' }),
    mentions: t.field({
      type: [CommentPersonRef],
      description: 'The people the author mentioned',
      select: { mentionIds: true },
      resolve: async (c, _a, ctx) => {
        if (c.mentionIds.length === 0) return [];
        const rows = await ctx.prisma.account.findMany({ where: { id: { in: c.mentionIds } }, select: { id: true, displayName: true } });
        const byId = new Map(rows.map((r) => [r.id, r.displayName]));
        return c.mentionIds.filter((id) => byId.has(id)).map((id) => ({ accountId: id, name: byId.get(id)! }));
      },
    }),
    hiddenAt: t.expose('hiddenAt', { type: 'DateTime', nullable: true, description: 'Set when a secretary hid it' }),
    hiddenReason: t.exposeString('hiddenReason', { nullable: true, description: 'Why it was hidden: shown in its place (已隐藏：…)' }),
    canHide: t.boolean({
      description: 'Whether you may hide it (a secretary over the subject’s unit, while it is shown)',
      select: { hiddenAt: true },
      resolve: async (c, _a, ctx) => !c.hiddenAt && (await moderates(ctx, c)),
    }),
    ...timestamps(t),
  }),
});
