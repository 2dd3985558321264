// A thread, oldest first, paged like every list; one comment by id; and the people who may be
// mentioned in a thread. Who sees a thread: access.ts (the subject's own rules).
import { builder } from '../../../graphql/builder.js';
import { byIdField, listField } from '../../../graphql/rows.js';
import { checkPageSize } from '../../../graphql/pagination.js';
import { assertCanSeeComment, requireSubject } from '../access.js';
import { mentionCandidates } from '../service.js';
import { CommentSubjectEnum, MentionCandidateRef } from './types.js';

builder.queryFields((t) => ({
  comment: byIdField(t, 'Comment', { what: ['Comment', '评论'], description: 'One comment, to whoever sees its thread', check: assertCanSeeComment }),
  comments: listField(t, 'Comment', {
    description: 'The discussion of a notice, a decision or a meeting, oldest first — to whoever sees the subject (an API key needs "Comment:read" and the subject type’s read scope)',
    args: {
      subjectType: t.arg({ type: CommentSubjectEnum, required: true }),
      subjectId: t.arg.id({ required: true }),
    },
    where: async (ctx, args) => {
      const s = await requireSubject(ctx, args.subjectType, args.subjectId);
      return { subjectType: s.type, subjectId: s.id };
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  }),
  commentMentionCandidates: t.field({
    type: [MentionCandidateRef],
    description: 'People who can see the thread and so may be mentioned in it, whose name contains `search`: staff first (nearest unit first), then by name',
    args: {
      subjectType: t.arg({ type: CommentSubjectEnum, required: true }),
      subjectId: t.arg.id({ required: true }),
      search: t.arg.string({ description: 'Part of a name or username; empty: anyone' }),
      first: t.arg.int({ description: 'At most this many (default 10)' }),
    },
    authScopes: { signedIn: true },
    resolve: (_r, args, ctx) => {
      checkPageSize({ first: args.first }, ctx);
      return mentionCandidates(ctx, args.subjectType, args.subjectId, args.search, args.first ?? 10);
    },
  }),
}));
