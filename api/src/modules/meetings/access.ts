// Who sees which meetings and attendance rows.
//   MEMBER     published meetings of their own unit and the units above it (the meetings they may
//              attend; drafts are the secretary's), and only their own registrations, attendance
//              and feedback
//   SECRETARY, LEADER, partner keys (Meeting:read …)   their subtree, as for every other row
//   ADMIN      everything
// A staff account that is also a member additionally sees the meetings it may attend itself.
import type { Prisma } from '@lianjian/db';
import { canSeeUnit } from '../../shared/access.js';
import { describePrincipal, pathsAbove } from '../../shared/principal.js';
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';

const ownUnitPaths = new WeakMap<Context, Promise<string | null>>();

/** The unit path of the caller's own member record (null without one), once per request. */
export function callerMemberPath(ctx: Context): Promise<string | null> {
  let p = ownUnitPaths.get(ctx);
  if (!p) {
    const principal = ctx.principal;
    p =
      principal.kind === 'account' && principal.memberId
        ? ctx.prisma.member.findUnique({ where: { id: principal.memberId }, select: { orgUnit: { select: { path: true } } } }).then((m) => m?.orgUnit.path ?? null)
        : Promise.resolve(null);
    ownUnitPaths.set(ctx, p);
  }
  return p;
}

function requireSignedIn(ctx: Context): void {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
}

export async function assertCanSeeMeeting(ctx: Context, meeting: { id: string; orgUnitId: string; status: string }): Promise<void> {
  requireSignedIn(ctx);
  const p = ctx.principal;
  const unit = await ctx.loaders.orgUnit.load(meeting.orgUnitId);
  const path = unit?.path ?? '\u0000';
  const isMember = p.kind === 'account' && p.role === 'MEMBER';
  if (!isMember && canSeeUnit(p, { id: meeting.orgUnitId, path })) return;
  const own = await callerMemberPath(ctx);
  if (own !== null && own.startsWith(path) && meeting.status !== 'DRAFT') return;
  throw forbidden(
    isMember
      ? `Members see only the meetings of their own unit and the units above it; meeting ${meeting.id} is not one of them.`
      : `${describePrincipal(p)} may not see meeting ${meeting.id}: it is outside the org units you are responsible for.`,
    isMember ? `党员只能查看本人所在组织及上级组织的会议；会议 ${meeting.id} 不在其中。` : `${describePrincipal(p)} 无权查看会议 ${meeting.id}：不在您负责的组织范围内。`,
    { meetingId: meeting.id },
  );
}

/** A registration, attendance or feedback row: the member's own, or one of a unit in the caller's subtree. */
export async function assertCanSeeParticipation(ctx: Context, row: { memberId: string; orgUnitId: string }, what: string, whatZh: string): Promise<void> {
  requireSignedIn(ctx);
  const p = ctx.principal;
  if (p.kind === 'account' && p.memberId === row.memberId) return;
  if (p.kind === 'account' && p.role === 'MEMBER') {
    throw forbidden(`Members may only see their own ${what}.`, `党员只能查看本人的${whatZh}。`, { memberId: row.memberId });
  }
  const unit = await ctx.loaders.orgUnit.load(row.orgUnitId);
  if (!canSeeUnit(p, { id: row.orgUnitId, path: unit?.path ?? '\u0000' })) {
    throw forbidden(`${describePrincipal(p)} may not see this ${what}: it is outside your subtree.`, `${describePrincipal(p)} 无权查看该${whatZh}：不在您负责的范围内。`);
  }
}

/** The meetings a list may show the caller: below `root` (listRoot's answer), or for members below `under` if given. */
export async function visibleMeetingsWhere(ctx: Context, root: string | null, under: string | null): Promise<Prisma.MeetingWhereInput> {
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER') {
    const own = await callerMemberPath(ctx);
    const ownPaths = own ? pathsAbove(own) : [];
    const paths = under ? ownPaths.filter((x) => x.startsWith(under)) : ownPaths;
    return { orgUnit: { path: { in: paths } }, status: { not: 'DRAFT' } };
  }
  return root ? { orgUnit: { path: { startsWith: root } } } : {};
}
