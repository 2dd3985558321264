// Discussion mutations: each delegates to service.ts, which writes the comment with its record.
import { builder } from '../../../graphql/builder.js';
import { inputMutation, recordMutation } from '../../../graphql/rows.js';
import { hideComment, postComment, MAX_BODY, MAX_MENTIONS, type PostCommentInput } from '../service.js';
import { CommentSubjectEnum } from './types.js';

const PostCommentInputRef = builder.inputType('PostCommentInput', {
  fields: (t) => ({
    subjectType: t.field({ type: CommentSubjectEnum, required: true }),
    subjectId: t.id({ required: true, description: 'The notice, decision or meeting (held) the thread is about' }),
    body: t.string({ required: true, description: `Plain text, 1–${MAX_BODY} characters` }),
    mentions: t.idList({ description: `Accounts to notify (at most ${MAX_MENTIONS}); each must be able to see the thread` }),
  }),
});

builder.mutationFields((t) => ({
  postComment: inputMutation(t, 'Comment', PostCommentInputRef, {
    description: 'Comments in the thread of a notice, a decision or a held meeting you can see; each person mentioned gets a MENTION inbox item',
    authScopes: { signedIn: true },
    write: (ctx, input) => postComment(ctx, input as PostCommentInput),
  }),
  hideComment: recordMutation(t, 'Comment', {
    description: 'Hides a comment, with the reason shown in its place: its next version (a secretary of the subject’s unit or above)',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true, description: '2–200 characters on one line' }) },
    write: (ctx, args) => hideComment(ctx, args.id, args.reason),
  }),
}));
