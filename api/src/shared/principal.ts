// Who is calling, and what subtree they may see. Unit paths are materialised ('/1/5/12/'), so
// "in my subtree" is a string prefix test, in SQL (`path LIKE '/1/5/%'`) and here.
import type { Role } from '@lianjian/db';

export interface AccountPrincipal {
  kind: 'account';
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: string;
  scopePath: string;
  memberId: string | null;
  sessionId: string;
}

export interface PartnerPrincipal {
  kind: 'partner';
  apiKeyId: string;
  name: string;
  scopes: ReadonlySet<string>;
  unitId: string;
  unitPath: string;
}

export interface AnonymousPrincipal {
  kind: 'anonymous';
  /** Why presented credentials were refused (expired, revoked, unknown…), shown on the first denial. */
  refused?: { message: string; messageZh: string };
}

export type Principal = AccountPrincipal | PartnerPrincipal | AnonymousPrincipal;

export const PRIVILEGED_ROLES: readonly Role[] = ['ADMIN', 'LEADER', 'SECRETARY'];
export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'LEADER', 'SECRETARY'];
export const WRITER_ROLES: readonly Role[] = ['ADMIN', 'SECRETARY'];

export function isPrivileged(role: Role): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

/** The unit path whose subtree the principal may see; null means everything (admin). */
export function visibleRoot(p: Principal): string | null {
  if (p.kind === 'partner') return p.unitPath;
  if (p.kind === 'account') return p.role === 'ADMIN' ? null : p.scopePath;
  return '\u0000'; // matches nothing
}

export function inSubtree(root: string | null, path: string): boolean {
  return root === null || path.startsWith(root);
}

/** '/1/5/12/' → ['/1/', '/1/5/', '/1/5/12/']: the unit's path and those of every unit above it. */
export function pathsAbove(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

export function partnerScope(type: string, action: 'read' = 'read'): string {
  return `${type}:${action}`;
}

export function describePrincipal(p: Principal): string {
  if (p.kind === 'account') return `${p.role} ${p.username}`;
  if (p.kind === 'partner') return `API key "${p.name}"`;
  return 'anonymous';
}
