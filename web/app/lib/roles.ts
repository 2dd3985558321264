// Roles and what each one finds in the navigation. The API enforces access; this only decides
// what to offer, so that nobody is shown a link that would answer "forbidden".
import type { Messages } from '../i18n/messages';

export const ROLES = ['ADMIN', 'LEADER', 'SECRETARY', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

type NavKey = keyof Pick<Messages['nav'], 'verify' | 'me' | 'dashboard' | 'members' | 'pipeline' | 'admin' | 'meetings' | 'votes' | 'decisions' | 'learning' | 'feedback' | 'appraisal' | 'transfers' | 'feedbackAdmin' | 'memberImport'>;

export interface NavItem {
  to: string;
  key: NavKey;
  roles: readonly Role[] | 'public';
}

export const NAV: readonly NavItem[] = [
  { to: '/me', key: 'me', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'] },
  { to: '/dashboard', key: 'dashboard', roles: ['LEADER', 'ADMIN', 'SECRETARY'] },
  { to: '/members', key: 'members', roles: ['SECRETARY', 'LEADER', 'ADMIN'] },
  { to: '/pipeline', key: 'pipeline', roles: ['SECRETARY', 'ADMIN'] },
  { to: '/meetings', key: 'meetings', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'] },
  { to: '/votes', key: 'votes', roles: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'] },
  { to: '/decisions', key: 'decisions', roles: ['SECRETARY', 'LEADER', 'ADMIN'] },
  { to: '/learning', key: 'learning', roles: ['MEMBER'] },
  { to: '/feedback', key: 'feedback', roles: ['MEMBER'] },
  { to: '/appraisal', key: 'appraisal', roles: ['SECRETARY', 'ADMIN', 'MEMBER'] },
  { to: '/transfers', key: 'transfers', roles: ['SECRETARY', 'ADMIN'] },
  { to: '/feedback-admin', key: 'feedbackAdmin', roles: ['SECRETARY', 'ADMIN'] },
  { to: '/members/import', key: 'memberImport', roles: ['SECRETARY', 'ADMIN'] },
  { to: '/admin', key: 'admin', roles: ['ADMIN'] },
  { to: '/verify', key: 'verify', roles: 'public' },
];

/** Who may open a page; the same lists drive the navigation. */
export const PAGE_ROLES = {
  me: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  dashboard: ['LEADER', 'ADMIN', 'SECRETARY'],
  members: ['SECRETARY', 'LEADER', 'ADMIN'],
  pipeline: ['SECRETARY', 'ADMIN'],
  meetings: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  votes: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  decisions: ['SECRETARY', 'LEADER', 'ADMIN'],
  // Open to every role (a staff account may be linked to a member record); the pages say when not.
  learning: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  feedback: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  appraisal: ['SECRETARY', 'ADMIN', 'MEMBER'],
  transfers: ['SECRETARY', 'ADMIN'],
  feedbackAdmin: ['SECRETARY', 'ADMIN'],
  membersImport: ['SECRETARY', 'ADMIN'],
  accounts: ['ADMIN'],
  admin: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export function navFor(role: Role | null): NavItem[] {
  return NAV.filter((item) => item.roles === 'public' || (role !== null && item.roles.includes(role)));
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
