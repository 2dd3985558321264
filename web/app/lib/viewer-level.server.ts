// A secretary's level (the kind of their scope unit) and the position they hold there, for the
// navigation and the header's role (root loader). Read fresh from the API rather than kept in the
// session: scopes follow appointments (decision 014), so a session's copy would go stale.
import { graphql } from '../graphql';
import { apiRequest } from './graphql.server';
import type { UnitKind } from './roles';
import type { SessionAccount } from './session.server';

const VIEWER_LEVEL = graphql(`query ViewerLevel {
  me { account { id member { id } scopeUnit { id kind committee { positions(current: true) { title memberId accountId } } } } }
}`);

export interface ViewerLevel {
  scopeKind: UnitKind | null;
  position: string | null;
}

/**
 * Only a SECRETARY's work depends on the level. Unreadable (API down, session ending): nulls, and
 * the navigation falls back to the role alone — each page still checks for itself.
 */
export async function viewerLevel(request: Request, token: string, account: SessionAccount): Promise<ViewerLevel> {
  const none: ViewerLevel = { scopeKind: null, position: null };
  if (account.role !== 'SECRETARY') return none;
  try {
    const me = (await apiRequest(VIEWER_LEVEL, {}, { token, request, timeoutMs: 3000 })).me.account;
    if (!me) return none;
    const memberId = me.member?.id ?? null;
    const held = me.scopeUnit.committee?.positions.find((p) => p.accountId === me.id || (memberId !== null && p.memberId === memberId));
    return { scopeKind: me.scopeUnit.kind as UnitKind, position: held?.title ?? null };
  } catch {
    return none;
  }
}
