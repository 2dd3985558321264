// Roles and what each one finds in the navigation. The API enforces access; this only decides
// what to offer, so that nobody is shown a link that would answer "forbidden".
import type { Messages } from '../i18n/messages';

export const ROLES = ['ADMIN', 'LEADER', 'SECRETARY', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The kinds of unit (OrgUnitKind): a SECRETARY's work depends on the level of their scope unit. */
export type UnitKind = 'COMMITTEE' | 'GENERAL_BRANCH' | 'BRANCH' | 'GROUP';

/**
 * Levels above a branch, whose secretaries review (general branch) or decide (committee) the
 * branches' requests (decisions 013, 016): only they have a queue on /approvals.
 */
export const REVIEWING_KINDS: readonly UnitKind[] = ['GENERAL_BRANCH', 'COMMITTEE'];

/** Whether an account has work on /approvals: ADMIN, or a SECRETARY of a general branch or committee. */
export function handlesApprovals(role: Role, scopeKind: UnitKind | null | undefined): boolean {
  return role === 'ADMIN' || (role === 'SECRETARY' && scopeKind != null && REVIEWING_KINDS.includes(scopeKind));
}

type NavKey = keyof Pick<Messages['nav'], 'verify' | 'me' | 'dashboard' | 'overdue' | 'members' | 'pipeline' | 'admin' | 'meetings' | 'votes' | 'decisions' | 'learning' | 'feedback' | 'appraisal' | 'transfers' | 'feedbackAdmin' | 'memberImport' | 'myDues' | 'dues' | 'units' | 'approvals' | 'oversight' | 'inbox' | 'notices'>;

/** The menu's groups, in order: daily work, figures (and checking proofs), management. */
export const NAV_GROUPS = ['work', 'stats', 'system'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  to: string;
  key: NavKey;
  roles: readonly Role[] | 'public';
  group: NavGroup;
  /** For a SECRETARY, only when their scope unit is one of these kinds (unknown kind: offered; the page decides). */
  secretaryAt?: readonly UnitKind[];
  /** A count from the root data shown beside the label (e.g. open inbox items), when above zero. */
  count?: 'inboxOpen' | 'unreadNotices';
}

// Listed group by group, so the menu (which draws each group's items together) keeps this order.
export const NAV: readonly NavItem[] = [
  { to: '/me', key: 'me', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'], group: 'work' },
  // Everyone's own reminders (issue #22), with how many are open.
  { to: '/inbox', key: 'inbox', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'], group: 'work', count: 'inboxOpen' },
  // Notices (通知公告) addressed to the person, with how many are unread; staff also publish there.
  { to: '/notices', key: 'notices', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'], group: 'work', count: 'unreadNotices' },
  { to: '/members', key: 'members', roles: ['SECRETARY', 'LEADER', 'ADMIN'], group: 'work' },
  { to: '/pipeline', key: 'pipeline', roles: ['SECRETARY', 'ADMIN'], group: 'work' },
  { to: '/meetings', key: 'meetings', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'], group: 'work' },
  { to: '/votes', key: 'votes', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'], group: 'work' },
  { to: '/decisions', key: 'decisions', roles: ['SECRETARY', 'LEADER', 'ADMIN'], group: 'work' },
  { to: '/learning', key: 'learning', roles: ['MEMBER'], group: 'work' },
  { to: '/feedback', key: 'feedback', roles: ['MEMBER'], group: 'work' },
  { to: '/appraisal', key: 'appraisal', roles: ['SECRETARY', 'ADMIN', 'MEMBER'], group: 'work' },
  { to: '/transfers', key: 'transfers', roles: ['SECRETARY', 'ADMIN'], group: 'work' },
  // Requests between levels: a general branch's to review, a committee's to decide. A branch follows
  // its own requests on the member page and the pipeline board, where it makes them.
  { to: '/approvals', key: 'approvals', roles: ['SECRETARY', 'ADMIN'], group: 'work', secretaryAt: REVIEWING_KINDS },
  // Dues (党费): a member's own statement; the branch's bases, payments, arrears and remittances.
  { to: '/me/dues', key: 'myDues', roles: ['MEMBER'], group: 'work' },
  { to: '/dues', key: 'dues', roles: ['SECRETARY', 'ADMIN'], group: 'work' },
  { to: '/dashboard', key: 'dashboard', roles: ['LEADER', 'ADMIN', 'SECRETARY'], group: 'stats' },
  // The leader's read-only list of late development steps (secretaries and admins work them in /pipeline).
  { to: '/overdue', key: 'overdue', roles: ['LEADER'], group: 'stats' },
  // Read-only work across the subtree, unit by unit down to a branch: for leaders, administrators
  // and the secretaries of the levels above the branches (a branch's own items are its daily work).
  { to: '/oversight', key: 'oversight', roles: ['LEADER', 'ADMIN', 'SECRETARY'], group: 'stats', secretaryAt: REVIEWING_KINDS },
  { to: '/verify', key: 'verify', roles: 'public', group: 'stats' },
  // The tree and its leaderships: administrators, and secretaries for the units under theirs.
  { to: '/units', key: 'units', roles: ['SECRETARY', 'ADMIN'], group: 'system' },
  { to: '/members/import', key: 'memberImport', roles: ['SECRETARY', 'ADMIN'], group: 'system' },
  { to: '/feedback-admin', key: 'feedbackAdmin', roles: ['SECRETARY', 'ADMIN'], group: 'system' },
  { to: '/admin', key: 'admin', roles: ['ADMIN'], group: 'system' },
];

/** Who may open a page; the same lists drive the navigation. */
export const PAGE_ROLES = {
  me: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  inbox: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  notices: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  dashboard: ['LEADER', 'ADMIN', 'SECRETARY'],
  members: ['SECRETARY', 'LEADER', 'ADMIN'],
  pipeline: ['SECRETARY', 'ADMIN'],
  // Read-only: which branch has which development step overdue (the pipeline's list, without its forms).
  overdue: ['LEADER', 'SECRETARY', 'ADMIN'],
  meetings: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  votes: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  decisions: ['SECRETARY', 'LEADER', 'ADMIN'],
  // Open to every role (a staff account may be linked to a member record); the pages say when not.
  learning: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  feedback: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  appraisal: ['SECRETARY', 'ADMIN', 'MEMBER'],
  transfers: ['SECRETARY', 'ADMIN'],
  // The API lets staff read dues and writers change them; the pages are for those who run them.
  dues: ['SECRETARY', 'ADMIN'],
  feedbackAdmin: ['SECRETARY', 'ADMIN'],
  units: ['SECRETARY', 'ADMIN'],
  approvals: ['SECRETARY', 'ADMIN'],
  oversight: ['LEADER', 'SECRETARY', 'ADMIN'],
  membersImport: ['SECRETARY', 'ADMIN'],
  accounts: ['ADMIN'],
  // Mirrors of the levels and their state (the API's `mirrors` is ADMIN's, like the keys they use).
  mirrors: ['ADMIN'],
  admin: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

/** Who plans and runs meetings, votes and decisions (the API: ADMIN, or SECRETARY of the unit). */
export const WRITER_ROLES = ['SECRETARY', 'ADMIN'] as const;

/** Whether a role may plan and run meetings, votes and decisions (WRITER_ROLES). */
export function isWriter(role: Role): boolean {
  return (WRITER_ROLES as readonly Role[]).includes(role);
}

export function navFor(role: Role | null, scopeKind?: UnitKind | null): NavItem[] {
  const atLevel = (item: NavItem) => role !== 'SECRETARY' || !item.secretaryAt || !scopeKind || item.secretaryAt.includes(scopeKind);
  return NAV.filter((item) => item.roles === 'public' || (role !== null && item.roles.includes(role) && atLevel(item)));
}

/** A role's menu, group by group (empty groups left out), in NAV's order. */
export function navGroupsFor(role: Role | null, scopeKind?: UnitKind | null): Array<{ group: NavGroup; items: NavItem[] }> {
  const items = navFor(role, scopeKind);
  return NAV_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter((g) => g.items.length > 0);
}

/**
 * The header's role: a SECRETARY is named by the level they serve and the position they hold
 * there when the data has it (总支书记, 党委组织委员), not "支部书记" for everyone.
 */
export function roleLabel(t: Messages, v: { role: Role; scopeKind?: UnitKind | null; position?: string | null }): string {
  if (v.role !== 'SECRETARY' || !v.scopeKind) return t.roles[v.role] ?? v.role;
  if (v.position) return t.positionAt(v.scopeKind, t.units.titles[v.position] ?? v.position);
  return t.roleAt[v.scopeKind] ?? t.roles.SECRETARY!;
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'ADMIN':
      return '/admin';
    case 'LEADER':
      return '/dashboard';
    case 'SECRETARY':
      return '/members';
    case 'MEMBER':
      return '/me';
  }
}
