// Democratic appraisal (民主评议党员): campaigns, self- and peer assessments, results, and the
// mutations that run a campaign. Rules: appraisal/service.ts; who sees what: appraisal/access.ts.
import type { AppraisalRating, AppraisalStatus, Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { memberFields, timestamps, unitFields } from '../../../graphql/fields.js';
import { inputMutation, listField, recordMutation, relatedPage, relatedPaging, rowMutation, subtreeList, subtreeWhere } from '../../../graphql/rows.js';
import { ownMemberId } from '../../../shared/access.js';
import { pathsAbove } from '../../../shared/principal.js';
import type { Context } from '../../../shared/context.js';
import { forbidden } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { assertCanSeeCampaign, assertCanSeePeerAssessment, assertCanSeeResult, assertCanSeeSelfAssessment, ownUnitPath, unitPathOf } from '../access.js';
import { rosterOf, type RosterEntry } from '../roster.js';
import { excellentCap, tallyPeerRatings, type PeerTally } from '../rules.js';
import {
  closeCampaign,
  createCampaign,
  finaliseCampaign,
  loadCampaign,
  openCampaign,
  peerTallies,
  proposeRatings,
  startPeerAssessment,
  submitPeerAssessment,
  submitSelfAssessment,
} from '../service.js';
import { dbEnum, MemberStageEnum } from '../../../graphql/enums.js';
import { verifiableObject } from '../../../graphql/verifiable.js';

export const AppraisalStatusEnum = dbEnum('AppraisalStatus', 'DRAFT 草稿 → SELF_ASSESSMENT 个人自评 → PEER_ASSESSMENT 党员互评 → RATING 组织评定 → PUBLISHED 已通报 → CLOSED 已结束');
export const AppraisalRatingEnum = dbEnum('AppraisalRating', 'EXCELLENT 优秀 / QUALIFIED 合格 / BASICALLY_QUALIFIED 基本合格 / UNQUALIFIED 不合格');

const PeerTallyRef = builder.objectRef<PeerTally>('PeerTally').implement({
  description: 'How many peers gave each rating (互评汇总) — never who gave which',
  fields: (t) => ({
    excellent: t.int({ resolve: (x) => x.EXCELLENT }),
    qualified: t.int({ resolve: (x) => x.QUALIFIED }),
    basicallyQualified: t.int({ resolve: (x) => x.BASICALLY_QUALIFIED }),
    unqualified: t.int({ resolve: (x) => x.UNQUALIFIED }),
    total: t.int({ resolve: (x) => x.EXCELLENT + x.QUALIFIED + x.BASICALLY_QUALIFIED + x.UNQUALIFIED }),
  }),
});

interface RosterShape extends RosterEntry {
  campaignId: string;
}

const RosterEntryRef = builder.objectRef<RosterShape>('AppraisalRosterEntry').implement({
  description: 'A member on a campaign’s roster (参评党员): fixed when the campaign opens',
  fields: (t) => ({
    memberId: t.id({ resolve: (r) => r.memberId }),
    name: t.exposeString('name'),
    stage: t.field({ type: MemberStageEnum, resolve: (r) => r.stage }),
    peerTally: t.field({
      type: PeerTallyRef,
      description: 'Peer ratings received so far (staff, for proposing ratings)',
      authScopes: { $any: { staff: true, partner: 'PeerAssessment:read' } },
      resolve: async (r, _a, ctx) => (await peerTallies(ctx.prisma, r.campaignId)).get(r.memberId) ?? tallyPeerRatings([]),
    }),
  }),
});

const staffOr = (type: string) => ({ $any: { staff: true, partner: `${type}:read` } });

export const AppraisalCampaignRef = verifiableObject('AppraisalCampaign', assertCanSeeCampaign, {
  description: 'A yearly democratic appraisal of one branch (年度民主评议党员)',
  select: {},
  fields: (t) => ({
    ...unitFields(t),
    year: t.exposeInt('year', { description: 'The year appraised' }),
    title: t.exposeString('title'),
    status: t.expose('status', { type: AppraisalStatusEnum }),
    opensOn: t.expose('opensOn', { type: 'Date' }),
    closesOn: t.expose('closesOn', { type: 'Date', description: 'Last day for self- and peer assessments' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'When results were told to the members' }),
    ...timestamps(t),
    roster: t.field({
      type: [RosterEntryRef],
      select: { status: true },
      description: 'Full and probationary members of the branch as the records stood at opening (before opening: as they stand now)',
      resolve: async (c, _a, ctx) => (await rosterOf(ctx.prisma, c, await unitPathOf(ctx, c.orgUnitId))).map((r) => ({ ...r, campaignId: c.id })),
    }),
    excellentCap: t.int({
      select: { status: true },
      description: 'The most members that may be rated EXCELLENT: one third of the roster, rounded down',
      resolve: async (c, _a, ctx) => excellentCap((await rosterOf(ctx.prisma, c, await unitPathOf(ctx, c.orgUnitId))).length),
    }),
    selfAssessments: t.relatedConnection('selfAssessments', {
      authScopes: staffOr('SelfAssessment'),
      ...relatedPage([{ submittedAt: 'asc' }, { id: 'asc' }]),
    }),
    peerAssessments: t.relatedConnection('peerAssessments', {
      description: 'Every peer assessment with its author (staff only; members see their own via myPeerAssessments)',
      authScopes: staffOr('PeerAssessment'),
      args: { subjectId: t.arg.id() },
      ...relatedPaging,
      query: (args) => ({ where: args.subjectId ? { subjectId: requireUuid('subjectId', args.subjectId) } : {}, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }] }),
    }),
    results: t.relatedConnection('results', {
      description: 'Proposed (notifiedAt null) and published results (staff)',
      authScopes: staffOr('AppraisalResult'),
      args: { rating: t.arg({ type: AppraisalRatingEnum }) },
      ...relatedPaging,
      query: (args) => ({ where: args.rating ? { rating: args.rating } : {}, orderBy: [{ memberId: 'asc' }] }),
    }),
    mySelfAssessment: t.prismaField({
      type: 'SelfAssessment',
      nullable: true,
      authScopes: { signedIn: true },
      resolve: (query, c, _a, ctx) => ctx.prisma.selfAssessment.findUnique({ ...query, where: { campaignId_memberId: { campaignId: c.id, memberId: ownMemberId(ctx) } } }),
    }),
    myPeerAssessments: t.prismaField({
      type: ['PeerAssessment'],
      description: 'The peer assessments you wrote in this campaign',
      authScopes: { signedIn: true },
      resolve: (query, c, _a, ctx) => ctx.prisma.peerAssessment.findMany({ ...query, where: { campaignId: c.id, assessorId: ownMemberId(ctx) }, orderBy: { submittedAt: 'asc' } }),
    }),
    myResult: t.prismaField({
      type: 'AppraisalResult',
      nullable: true,
      description: 'Your result, once published (null before)',
      authScopes: { signedIn: true },
      resolve: (query, c, _a, ctx) =>
        ctx.prisma.appraisalResult.findFirst({ ...query, where: { campaignId: c.id, memberId: ownMemberId(ctx), notifiedAt: { not: null } } }),
    }),
  }),
});

verifiableObject('SelfAssessment', assertCanSeeSelfAssessment, {
  description: 'A member’s self-assessment (个人自评)',
  select: { memberId: true },
  fields: (t) => ({
    campaignId: t.exposeID('campaignId'),
    ...memberFields(t),
    summary: t.exposeString('summary'),
    rating: t.expose('rating', { type: AppraisalRatingEnum, description: 'The rating the member gives themselves' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
  }),
});

verifiableObject('PeerAssessment', assertCanSeePeerAssessment, {
  description: 'One member’s rating of another (党员互评). Visible to its author and to staff; the assessed member sees only the tally.',
  select: { assessorId: true },
  fields: (t) => ({
    campaignId: t.exposeID('campaignId'),
    assessorId: t.exposeID('assessorId'),
    subjectId: t.exposeID('subjectId'),
    rating: t.expose('rating', { type: AppraisalRatingEnum }),
    comment: t.exposeString('comment', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
  }),
});

verifiableObject('AppraisalResult', assertCanSeeResult, {
  description: 'A member’s appraisal rating (评议结果): a proposal until published, then told to the member (notifiedAt)',
  select: { memberId: true, notifiedAt: true },
  fields: (t) => ({
    campaignId: t.exposeID('campaignId'),
    campaign: t.relation('campaign'),
    memberId: t.exposeID('memberId'),
    rating: t.expose('rating', { type: AppraisalRatingEnum }),
    ratingZh: t.string({ select: { rating: true }, resolve: (r) => ({ EXCELLENT: '优秀', QUALIFIED: '合格', BASICALLY_QUALIFIED: '基本合格', UNQUALIFIED: '不合格' })[r.rating] }),
    peerSummary: t.field({
      type: PeerTallyRef,
      select: { peerSummary: true },
      description: 'How many peers gave each rating, as stored on the result record',
      resolve: (r) => ({ ...tallyPeerRatings([]), ...((r.peerSummary ?? {}) as Partial<PeerTally>) }),
    }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    decidedById: t.exposeID('decidedById', { nullable: true }),
    notifiedAt: t.expose('notifiedAt', { type: 'DateTime', nullable: true }),
  }),
});

interface CampaignListArgs {
  under?: string | number | null;
  year?: number | null;
  status?: AppraisalStatus | null;
}

/** Staff and partners: their subtree. Members: the campaigns of the branch they belong to. */
async function campaignWhere(ctx: Context, args: CampaignListArgs): Promise<Prisma.AppraisalCampaignWhereInput> {
  const where: Prisma.AppraisalCampaignWhereInput = {};
  if (args.year != null) where.year = args.year;
  if (args.status) where.status = args.status;
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER' && args.under == null) {
    const own = await ownUnitPath(ctx);
    if (!own) throw forbidden('This account has no member record of its own.', '该账号没有对应的党员记录。');
    where.orgUnit = { path: { in: pathsAbove(own) } };
    return where;
  }
  return { ...where, ...(await subtreeWhere(ctx, args.under)) };
}

const RatingInputRef = builder.inputType('AppraisalRatingInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    rating: t.field({ type: AppraisalRatingEnum, required: true }),
  }),
});

const ratingsOf = (list: readonly { memberId: string | number; rating: AppraisalRating }[] | null | undefined) =>
  (list ?? []).map((r) => ({ memberId: String(r.memberId), rating: r.rating }));

builder.queryFields((t) => ({
  appraisalCampaign: t.prismaField({
    type: 'AppraisalCampaign',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'AppraisalCampaign' },
    resolve: async (query, _root, args, ctx) => {
      const c = await loadCampaign(ctx, String(args.id), 'id');
      await assertCanSeeCampaign(ctx, c);
      return ctx.prisma.appraisalCampaign.findUniqueOrThrow({ ...query, where: { id: c.id } });
    },
  }),
  appraisalCampaigns: subtreeList(t, 'AppraisalCampaign', {
    description: 'Appraisal campaigns: of your subtree (staff, partners), or of your own branch (members); newest year first',
    under: 'Org unit whose subtree to list; default: your scope (members: your branch)',
    args: { year: t.arg.int(), status: t.arg({ type: AppraisalStatusEnum }) },
    where: campaignWhere,
    orderBy: [{ year: 'desc' }, { id: 'asc' }],
  }),
  myAppraisalResults: listField(t, 'AppraisalResult', {
    description: 'Your own published appraisal results (what the branch told you), newest first',
    authScopes: { signedIn: true },
    where: (ctx) => ({ memberId: ownMemberId(ctx), notifiedAt: { not: null } }),
    orderBy: [{ notifiedAt: 'desc' }, { id: 'asc' }],
  }),
}));

const CreateCampaignInput = builder.inputType('CreateAppraisalCampaignInput', {
  fields: (t) => ({
    orgUnitId: t.id({ required: true, description: 'A branch in your subtree' }),
    year: t.int({ required: true, description: 'The year appraised (one campaign per branch and year)' }),
    title: t.string({ required: true }),
    opensOn: t.field({ type: 'Date', required: true }),
    closesOn: t.field({ type: 'Date', required: true, description: 'Last day for self- and peer assessments' }),
  }),
});

const SelfAssessmentInput = builder.inputType('SelfAssessmentInput', {
  fields: (t) => ({
    summary: t.string({ required: true, description: '10–5000 characters' }),
    rating: t.field({ type: AppraisalRatingEnum, required: true }),
  }),
});

const PeerAssessmentInput = builder.inputType('PeerAssessmentInput', {
  fields: (t) => ({
    subjectId: t.id({ required: true, description: 'Another member on the roster' }),
    rating: t.field({ type: AppraisalRatingEnum, required: true }),
    comment: t.string({ description: 'At most 1000 characters' }),
  }),
});

const phase = (name: string, description: string, write: (ctx: Context, id: string, expectedVersion?: number | null) => Promise<{ id: string }>) =>
  builder.mutationField(name, (t) => rowMutation(t, 'AppraisalCampaign', { description, versioned: true, write }));

phase('openAppraisalCampaign', 'DRAFT → SELF_ASSESSMENT: members may submit self-assessments; the roster is fixed now', openCampaign);
phase('startPeerAssessment', 'SELF_ASSESSMENT → PEER_ASSESSMENT: members rate each other', startPeerAssessment);
phase('closeAppraisalCampaign', 'PUBLISHED → CLOSED', closeCampaign);

builder.mutationFields((t) => ({
  createAppraisalCampaign: inputMutation(t, 'AppraisalCampaign', CreateCampaignInput, {
    description: 'Creates the yearly appraisal of a branch, as DRAFT (secretary of the branch or admin)',
    write: createCampaign,
  }),
  submitSelfAssessment: recordMutation(t, 'SelfAssessment', {
    description: 'Your own self-assessment, once, while the campaign is in SELF_ASSESSMENT',
    args: { campaignId: t.arg.id({ required: true }), input: t.arg({ type: SelfAssessmentInput, required: true }) },
    authScopes: { signedIn: true },
    write: (ctx, args) => submitSelfAssessment(ctx, String(args.campaignId), args.input),
  }),
  submitPeerAssessment: recordMutation(t, 'PeerAssessment', {
    description: 'Your rating of another member on the roster, once per member, while the campaign is in PEER_ASSESSMENT',
    args: { campaignId: t.arg.id({ required: true }), input: t.arg({ type: PeerAssessmentInput, required: true }) },
    authScopes: { signedIn: true },
    write: (ctx, args) => submitPeerAssessment(ctx, String(args.campaignId), args.input),
  }),
  proposeAppraisalRatings: recordMutation(t, 'AppraisalCampaign', {
    description: 'Proposed ratings (not yet shown to members); the first moves PEER_ASSESSMENT → RATING. At most one third EXCELLENT.',
    args: { campaignId: t.arg.id({ required: true }), ratings: t.arg({ type: [RatingInputRef], required: true }) },
    write: (ctx, args) => proposeRatings(ctx, String(args.campaignId), ratingsOf(args.ratings)),
  }),
  finaliseAppraisalCampaign: recordMutation(t, 'AppraisalCampaign', {
    description: 'Final ratings (over the proposals): every roster member rated, at most one third EXCELLENT; members are told (RATING → PUBLISHED)',
    args: { campaignId: t.arg.id({ required: true }), ratings: t.arg({ type: [RatingInputRef] }) },
    write: (ctx, args) => finaliseCampaign(ctx, String(args.campaignId), ratingsOf(args.ratings)),
  }),
}));
