// Roles and what each one finds in the navigation. The API enforces access; this only decides
// what to offer, so that nobody is shown a link that would answer "forbidden".
import type { Messages } from '../i18n/messages';

export const ROLES = ['ADMIN', 'LEADER', 'SECRETARY', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

type NavKey = keyof Pick<Messages['nav'], 'verify' | 'me' | 'dashboard' | 'members' | 'pipeline' | 'admin'>;

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
  { to: '/admin', key: 'admin', roles: ['ADMIN'] },
  { to: '/verify', key: 'verify', roles: 'public' },
];

/** Who may open a page; the same lists drive the navigation. */
export const PAGE_ROLES = {
  me: ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'],
  dashboard: ['LEADER', 'ADMIN', 'SECRETARY'],
  members: ['SECRETARY', 'LEADER', 'ADMIN'],
  pipeline: ['SECRETARY', 'ADMIN'],
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
