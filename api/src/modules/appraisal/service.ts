// Democratic appraisal (民主评议党员), yearly per branch: DRAFT → SELF_ASSESSMENT (个人自评) →
// PEER_ASSESSMENT (党员互评) → RATING (组织评定: proposals) → PUBLISHED (results told to each
// member) → CLOSED. Every row change writes its record in the same transaction; each campaign
// step locks the campaign row, and submissions hold it shared, so a submission cannot slip in
// after the phase it belongs to has ended.
import type { Prisma, AppraisalCampaign, AppraisalRating, AppraisalResult, AppraisalStatus, OrgUnit, PeerAssessment, SelfAssessment } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, badInput, conflict, FieldErrors, forbidden, isUniqueViolation, notFound, unauthenticated } from '../../shared/errors.js';
import { requireUuid, type Id } from '../../shared/ids.js';
import { todayInChina } from '@lianjian/rules/dates';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { lockRow, writeNextVersion } from '../../shared/records/versions.js';
import { checkText } from './text.js';
import { capExceeded, wrongPhase } from './errors.js';
import { rosterAt, rosterOf, openingRecordId, type RosterEntry } from './roster.js';
import { capBreach, tallyPeerRatings, type PeerTally } from './rules.js';

export type CampaignWithUnit = AppraisalCampaign & { orgUnit: OrgUnit };

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const today = (ctx: Context) => todayInChina(ctx.config.now());

export async function loadCampaign(ctx: Context, id: string, field = 'campaignId'): Promise<CampaignWithUnit> {
  const campaign = await ctx.prisma.appraisalCampaign.findUnique({ where: { id: requireUuid(field, id) }, include: { orgUnit: true } });
  if (!campaign) throw notFound('Appraisal campaign', '民主评议', id);
  return campaign;
}

/** The caller's own member id: appraisal submissions are made by members about themselves. */
function callerMemberId(ctx: Context): string {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind !== 'account' || !p.memberId) {
    throw forbidden('Only members take part in an appraisal: this account has no member record.', '只有党员本人可以参加评议：该账号没有对应的党员记录。');
  }
  return p.memberId;
}

function staleCampaign(current: number, expected: number) {
  return conflict(
    `This campaign was changed by someone else (now version ${current}, you acted on version ${expected}); reload and try again.`,
    `该评议已被他人修改（当前第 ${current} 版，您操作的是第 ${expected} 版），请刷新后重试。`,
    { currentVersion: current, expectedVersion: expected },
  );
}

/** The campaign, which the caller must be allowed to change (the branch's secretary, or an admin). */
async function writableCampaign(ctx: Context, id: string, field?: string): Promise<CampaignWithUnit> {
  const found = await loadCampaign(ctx, id, field);
  assertCanWriteUnit(ctx, found.orgUnit);
  return found;
}

/**
 * The campaign locked for the rest of the transaction (UPDATE for a step of the branch, SHARE for
 * a member's submission), refused unless it is in one of `phases` (and, when the client sent one,
 * at `expectedVersion`).
 */
async function lockInPhase(
  tx: Tx,
  found: { id: string },
  phases: readonly AppraisalStatus[],
  [action, actionZh]: readonly [string, string],
  opts: { mode?: 'UPDATE' | 'SHARE'; expectedVersion?: number | null } = {},
): Promise<AppraisalCampaign> {
  const c = await lockRow(tx, 'AppraisalCampaign', found.id, opts.mode);
  if (opts.expectedVersion != null && opts.expectedVersion !== c.version) throw staleCampaign(c.version, opts.expectedVersion);
  if (!phases.includes(c.status)) throw wrongPhase(action, actionZh, c.status, phases);
  return c;
}

function setStatus(tx: Tx, ctx: Context, c: AppraisalCampaign, status: AppraisalStatus, extra: Prisma.AppraisalCampaignUncheckedUpdateInput = {}) {
  return writeNextVersion(tx, ctx, 'AppraisalCampaign', c, { ...extra, status });
}

// ── campaigns ──────────────────────────────────────────────────────────────────────────────────

export interface CreateCampaignInput {
  orgUnitId: Id;
  year: number;
  title: string;
  opensOn: Date;
  closesOn: Date;
}

export async function createCampaign(ctx: Context, input: CreateCampaignInput): Promise<AppraisalCampaign> {
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: requireUuid('input.orgUnitId', input.orgUnitId) } });
  if (!unit) throw badArgument('input.orgUnitId', `names org unit ${input.orgUnitId}, which does not exist.`, `指向的组织 ${input.orgUnitId} 不存在。`);
  assertCanWriteUnit(ctx, unit);
  const errs = new FieldErrors();
  if (unit.kind !== 'BRANCH') errs.add('input.orgUnitId', `must be a branch: appraisals are held per branch, and ${unit.name} is a ${unit.kind}.`, `应为党支部：民主评议以党支部为单位开展，${unit.name} 是 ${unit.kind}。`);
  else if (unit.dissolvedOn) errs.add('input.orgUnitId', `names ${unit.name}, which was dissolved.`, `${unit.name} 已撤销。`);
  const thisYear = Number(today(ctx).slice(0, 4));
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > thisYear) {
    errs.add('input.year', `must be a year from 2000 to ${thisYear} (the year appraised).`, `应为 2000 至 ${thisYear} 之间的年份（被评议的年度）。`);
  }
  checkText(errs, 'input.title', input.title, 1, 100, true);
  if (input.closesOn < input.opensOn) errs.add('input.closesOn', 'must not be before opensOn.', '不能早于开始日期。');
  const opensYear = input.opensOn.getUTCFullYear();
  if (opensYear !== input.year && opensYear !== input.year + 1) {
    errs.add('input.opensOn', `must fall in ${input.year} or ${input.year + 1}: the appraisal of a year is held at its end or early the next year.`, `应在 ${input.year} 年或 ${input.year + 1} 年：年度评议在年底或次年初进行。`);
  }
  errs.throwIfAny();
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const c = await tx.appraisalCampaign.create({
        data: { orgUnitId: unit.id, year: input.year, title: input.title.trim(), opensOn: input.opensOn, closesOn: input.closesOn },
      });
      await writeRecord(tx, ctx, 'AppraisalCampaign', c);
      return c;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await ctx.prisma.appraisalCampaign.findUnique({ where: { orgUnitId_year: { orgUnitId: unit.id, year: input.year } }, select: { id: true } });
    throw conflict(
      `${unit.name} already has its appraisal campaign of ${input.year}: a branch holds one per year.`,
      `${unit.name} 已有 ${input.year} 年度的民主评议：每个支部每年只开展一次。`,
      existing ? { campaignId: existing.id } : undefined,
    );
  }
}

/** A phase change by the branch's secretary (or an admin): `from` → `to`, as a new version. */
async function advance(
  ctx: Context,
  id: string,
  expectedVersion: number | null | undefined,
  from: readonly AppraisalStatus[],
  to: AppraisalStatus,
  action: [string, string],
  after?: (tx: Tx, c: AppraisalCampaign & { orgUnit: OrgUnit }) => Promise<void>,
): Promise<AppraisalCampaign> {
  const found = await writableCampaign(ctx, id, 'id');
  return ctx.prisma.$transaction(async (tx) => {
    const c = await lockInPhase(tx, found, from, action, { expectedVersion });
    const updated = await setStatus(tx, ctx, c, to);
    if (after) await after(tx, { ...updated, orgUnit: found.orgUnit });
    return updated;
  });
}

/** Opens self-assessment; the roster is fixed by this record (see roster.ts) and must not be empty. */
export function openCampaign(ctx: Context, id: string, expectedVersion?: number | null) {
  return advance(ctx, id, expectedVersion, ['DRAFT'], 'SELF_ASSESSMENT', ['open the campaign', '启动评议'], async (tx, c) => {
    const roster = await rosterAt(tx, c.orgUnit.path, await openingRecordId(tx, c.id));
    if (roster.length === 0) {
      throw conflict(
        `${c.orgUnit.name} has no active full or probationary members to appraise.`,
        `${c.orgUnit.name} 没有可参加评议的正式党员或预备党员。`,
      );
    }
  });
}

export function startPeerAssessment(ctx: Context, id: string, expectedVersion?: number | null) {
  return advance(ctx, id, expectedVersion, ['SELF_ASSESSMENT'], 'PEER_ASSESSMENT', ['start peer assessment', '开始党员互评']);
}

export function closeCampaign(ctx: Context, id: string, expectedVersion?: number | null) {
  return advance(ctx, id, expectedVersion, ['PUBLISHED'], 'CLOSED', ['close the campaign', '结束评议']);
}

// ── submissions by members ───────────────────────────────────────────────────────────────────────

function onRoster(roster: readonly RosterEntry[], memberId: string): boolean {
  return roster.some((r) => r.memberId === memberId);
}

function notOnRoster(c: CampaignWithUnit) {
  return forbidden(
    `You are not on the roster of "${c.title}": it appraises the full and probationary members of ${c.orgUnit.name} as of its opening.`,
    `您不在「${c.title}」的参评名单中：参评的是评议启动时 ${c.orgUnit.name} 的正式党员和预备党员。`,
  );
}

function checkWindow(ctx: Context, c: AppraisalCampaign): void {
  const t = today(ctx);
  if (t > isoOf(c.closesOn)) {
    throw conflict(`Submissions closed on ${isoOf(c.closesOn)} (today is ${t}).`, `评议已于 ${isoOf(c.closesOn)} 截止（今天是 ${t}）。`, { closesOn: isoOf(c.closesOn), today: t });
  }
}

/**
 * A member's own submission: under a SHARE lock on the campaign (so a phase change waits for it),
 * in `phase`, within the campaign's window, by a member on its roster. A unique violation is a
 * concurrent duplicate of the same submission and is reported as `duplicate()`.
 */
async function submitInPhase<T>(
  ctx: Context,
  found: CampaignWithUnit,
  memberId: string,
  phase: { status: AppraisalStatus; action: string; actionZh: string },
  duplicate: () => Error,
  write: (tx: Tx, c: AppraisalCampaign, roster: RosterEntry[]) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const c = await lockInPhase(tx, found, [phase.status], [phase.action, phase.actionZh], { mode: 'SHARE' });
      checkWindow(ctx, c);
      const roster = await rosterOf(tx, c, found.orgUnit.path);
      if (!onRoster(roster, memberId)) throw notOnRoster(found);
      return write(tx, c, roster);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}

export interface SelfAssessmentInput {
  summary: string;
  rating: AppraisalRating;
}

export async function submitSelfAssessment(ctx: Context, campaignId: string, input: SelfAssessmentInput): Promise<SelfAssessment> {
  const memberId = callerMemberId(ctx);
  const found = await loadCampaign(ctx, campaignId);
  const errs = new FieldErrors();
  checkText(errs, 'input.summary', input.summary, 10, 5000, false);
  errs.throwIfAny();
  const duplicate = () =>
    conflict('You have already submitted your self-assessment for this campaign; it cannot be submitted twice.', '您已提交本次评议的个人自评，不能重复提交。');
  const phase = { status: 'SELF_ASSESSMENT', action: 'submit a self-assessment', actionZh: '提交个人自评' } as const;
  return submitInPhase(ctx, found, memberId, phase, duplicate, async (tx, c) => {
    if (await tx.selfAssessment.findUnique({ where: { campaignId_memberId: { campaignId: c.id, memberId } }, select: { id: true } })) throw duplicate();
    const row = await tx.selfAssessment.create({
      data: { orgUnitId: c.orgUnitId, campaignId: c.id, memberId, summary: input.summary.trim(), rating: input.rating, submittedAt: ctx.config.now() },
    });
    await writeRecord(tx, ctx, 'SelfAssessment', row);
    return row;
  });
}

export interface PeerAssessmentInput {
  subjectId: Id;
  rating: AppraisalRating;
  comment?: string | null;
}

export async function submitPeerAssessment(ctx: Context, campaignId: string, input: PeerAssessmentInput): Promise<PeerAssessment> {
  const assessorId = callerMemberId(ctx);
  const found = await loadCampaign(ctx, campaignId);
  const subjectId = requireUuid('input.subjectId', input.subjectId);
  const errs = new FieldErrors();
  if (subjectId === assessorId) errs.add('input.subjectId', 'is yourself: peer assessment rates other members; rate yourself in the self-assessment.', '是您本人：互评只能评价其他党员，对本人的评价请填写个人自评。');
  checkText(errs, 'input.comment', input.comment, 0, 1000, false);
  errs.throwIfAny();
  const duplicate = () => conflict('You have already assessed this member in this campaign; each pair is assessed once.', '您已在本次评议中评价过该党员，每人只能评价一次。', { subjectId });
  const phase = { status: 'PEER_ASSESSMENT', action: 'submit a peer assessment', actionZh: '提交党员互评' } as const;
  return submitInPhase(ctx, found, assessorId, phase, duplicate, async (tx, c, roster) => {
    if (!onRoster(roster, subjectId)) throw badArgument('input.subjectId', `names member ${subjectId}, who is not on this campaign's roster.`, `指向的党员 ${subjectId} 不在本次评议的参评名单中。`);
    const existing = await tx.peerAssessment.findUnique({ where: { campaignId_assessorId_subjectId: { campaignId: c.id, assessorId, subjectId } }, select: { id: true } });
    if (existing) throw duplicate();
    const comment = input.comment?.trim() || null;
    const row = await tx.peerAssessment.create({
      data: { orgUnitId: c.orgUnitId, campaignId: c.id, assessorId, subjectId, rating: input.rating, comment, submittedAt: ctx.config.now() },
    });
    await writeRecord(tx, ctx, 'PeerAssessment', row);
    return row;
  });
}

// ── ratings by the branch ─────────────────────────────────────────────────────────────────────────

export interface RatingInput {
  memberId: string;
  rating: AppraisalRating;
}

export async function peerTallies(db: Pick<Tx, 'peerAssessment'>, campaignId: string): Promise<Map<string, PeerTally>> {
  const rows = await db.peerAssessment.findMany({ where: { campaignId }, select: { subjectId: true, rating: true } });
  const by = new Map<string, AppraisalRating[]>();
  for (const r of rows) by.set(r.subjectId, [...(by.get(r.subjectId) ?? []), r.rating]);
  return new Map([...by].map(([id, list]) => [id, tallyPeerRatings(list)]));
}

function checkRatingInput(ratings: readonly RatingInput[], required: boolean): RatingInput[] {
  const errs = new FieldErrors();
  if (required && ratings.length === 0) errs.add('ratings', 'must rate at least one member.', '至少要评定一名党员。');
  const seen = new Set<string>();
  const out = ratings.map((r, i) => {
    const memberId = requireUuid(`ratings[${i}].memberId`, r.memberId);
    if (seen.has(memberId)) errs.add(`ratings[${i}].memberId`, 'rates a member a second time in this request.', '在本次提交中重复评定了同一党员。');
    seen.add(memberId);
    return { memberId, rating: r.rating };
  });
  errs.throwIfAny();
  return out;
}

function checkOnRoster(roster: readonly RosterEntry[], ratings: readonly RatingInput[]): void {
  const errs = new FieldErrors();
  ratings.forEach((r, i) => {
    if (!onRoster(roster, r.memberId)) errs.add(`ratings[${i}].memberId`, `names member ${r.memberId}, who is not on this campaign's roster.`, `指向的党员 ${r.memberId} 不在参评名单中。`);
  });
  errs.throwIfAny();
}

/**
 * Writes `wanted` ratings as results (new rows, or new versions where something changed). The
 * peer tally is stored with each result: it is what the member sees of their peers' views.
 */
async function writeResults(
  tx: Tx,
  ctx: Context,
  c: AppraisalCampaign,
  existing: Map<string, AppraisalResult>,
  wanted: Map<string, AppraisalRating>,
  notify: boolean,
): Promise<void> {
  const tallies = await peerTallies(tx, c.id);
  const now = ctx.config.now();
  const decidedById = ctx.principal.kind === 'account' ? ctx.principal.accountId : null;
  for (const [memberId, rating] of wanted) {
    const peerSummary = (tallies.get(memberId) ?? tallyPeerRatings([])) as unknown as Prisma.InputJsonValue;
    const prev = existing.get(memberId);
    let row: AppraisalResult;
    if (!prev) {
      row = await tx.appraisalResult.create({
        data: { orgUnitId: c.orgUnitId, campaignId: c.id, memberId, rating, peerSummary, decidedAt: now, decidedById, notifiedAt: notify ? now : null },
      });
    } else {
      const changed = prev.rating !== rating;
      if (!changed && !notify && JSON.stringify(prev.peerSummary) === JSON.stringify(peerSummary)) continue;
      row = await tx.appraisalResult.update({
        where: { id: prev.id },
        data: {
          rating,
          peerSummary,
          ...(changed ? { decidedAt: now, decidedById } : {}),
          ...(notify ? { notifiedAt: now } : {}),
          version: prev.version + 1,
        },
      });
    }
    await writeRecord(tx, ctx, 'AppraisalResult', row);
  }
}

/**
 * The roster and the results so far, with `input` checked against them: every member rated is on
 * the roster, and the ratings so far with `input` over them (`merged`) stay within the cap.
 */
async function checkedRatings(tx: Tx, c: AppraisalCampaign, unitPath: string, input: readonly RatingInput[]) {
  const roster = await rosterOf(tx, c, unitPath);
  const rows = await tx.appraisalResult.findMany({ where: { campaignId: c.id } });
  const existing = new Map(rows.map((r) => [r.memberId, r]));
  checkOnRoster(roster, input);
  const merged = new Map([...existing].map(([id, r]) => [id, r.rating]));
  for (const r of input) merged.set(r.memberId, r.rating);
  const breach = capBreach(roster.length, merged.values());
  if (breach) throw capExceeded(breach);
  return { roster, existing, merged };
}

/** Proposed ratings (not yet shown to members); the first proposal moves the campaign to RATING. */
export async function proposeRatings(ctx: Context, campaignId: string, ratings: readonly RatingInput[]): Promise<AppraisalCampaign> {
  const found = await writableCampaign(ctx, campaignId);
  const input = checkRatingInput(ratings, true);
  return ctx.prisma.$transaction(async (tx) => {
    let c = await lockInPhase(tx, found, ['PEER_ASSESSMENT', 'RATING'], ['propose ratings', '提出评定意见']);
    const { existing } = await checkedRatings(tx, c, found.orgUnit.path, input);
    await writeResults(tx, ctx, c, existing, new Map(input.map((r) => [r.memberId, r.rating])), false);
    if (c.status === 'PEER_ASSESSMENT') c = await setStatus(tx, ctx, c, 'RATING');
    return c;
  });
}

/**
 * The final ratings: `ratings` over the proposals; every roster member must have one, at most
 * one third EXCELLENT. Each result becomes a new version with `notifiedAt` (the member is told:
 * it appears in their myAppraisalResults), and the campaign is PUBLISHED.
 */
export async function finaliseCampaign(ctx: Context, campaignId: string, ratings: readonly RatingInput[]): Promise<AppraisalCampaign> {
  const found = await writableCampaign(ctx, campaignId);
  const input = checkRatingInput(ratings, false);
  return ctx.prisma.$transaction(async (tx) => {
    const c = await lockInPhase(tx, found, ['RATING'], ['finalise the ratings', '确定评议结果']);
    const { roster, existing, merged } = await checkedRatings(tx, c, found.orgUnit.path, input);
    const missing = roster.filter((m) => !merged.has(m.memberId));
    if (missing.length > 0) {
      throw badInput([
        {
          field: 'ratings',
          message: `leaves ${missing.length} of the ${roster.length} roster members without a rating: ${missing.map((m) => m.name).join(', ')}. Every member on the roster must be rated.`,
          messageZh: `参评名单 ${roster.length} 人中有 ${missing.length} 人尚未评定：${missing.map((m) => m.name).join('、')}。每位参评党员都必须有评定结果。`,
        },
      ]);
    }
    await writeResults(tx, ctx, c, existing, merged, true);
    return setStatus(tx, ctx, c, 'PUBLISHED', { publishedAt: ctx.config.now() });
  });
}
