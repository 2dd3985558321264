// Who hears of a change. Events are invalidations — "your inbox changed", "this notice changed" —
// and the page refetches through the ordinary queries, so what anyone reads is still decided by
// the GraphQL resolvers alone. But even an id is information: an event goes only to connections
// whose principal may see its subject, decided by the same rules the queries use (notices/access.ts).
import type { PrismaClient } from '@lianjian/db';
import type { ApiConfig } from '../../shared/config.js';
import { createContext, type Context } from '../../shared/context.js';
import { createLoaders } from '../../shared/loaders.js';
import { partnerScope, type Principal } from '../../shared/principal.js';
import { canSeeNotice, followsUnit } from '../notices/access.js';
import { isAddressedTo } from '../notices/audience.js';
import type { Change } from './listener.js';

/** What a page is told (the SSE event name and its data). */
export type LiveEvent =
  /** Your inbox changed (its counts). */
  | { event: 'inbox'; data: Record<string, never> }
  /** Notices addressed to you changed (your unread count): one published, withdrawn, or your receipt. */
  | { event: 'notices'; data: Record<string, never> }
  /** This notice, or the receipts of it you may see, changed. */
  | { event: 'notice'; data: { id: string } }
  /** A batch was anchored on the chain: proofs in it are complete. */
  | { event: 'anchored'; data: { batch: number } }
  /** Changes may have been missed (the database connection was lost): refetch what is shown. */
  | { event: 'resync'; data: Record<string, never> };

export interface Target {
  principal: Principal;
  request: Context['request'];
}

export interface TargetDeps {
  prisma: PrismaClient;
  config: ApiConfig;
}

const none = {} as Record<string, never>;

function accountId(p: Principal): string | null {
  return p.kind === 'account' ? p.accountId : null;
}

/** The events each target is to hear of `change` (targets with none are left out). */
export async function eventsFor<T extends Target>(deps: TargetDeps, change: Change, targets: readonly T[]): Promise<Map<T, LiveEvent[]>> {
  const out = new Map<T, LiveEvent[]>();
  const add = (t: T, e: LiveEvent) => out.set(t, [...(out.get(t) ?? []), e]);
  if (change.k === 'anchored') {
    // The batch number is on the public chain: nothing to hide, and any page may wait for it.
    for (const t of targets) add(t, { event: 'anchored', data: { batch: change.b } });
    return out;
  }
  if (change.k === 'inbox') {
    const owners = new Set(change.a ?? []);
    for (const t of targets) {
      const id = accountId(t.principal);
      if (id !== null && (change.all === true || owners.has(id))) add(t, { event: 'inbox', data: none });
    }
    return out;
  }
  const notice = await deps.prisma.notice.findUnique({ where: { id: change.n }, include: { orgUnit: true } });
  if (!notice) return out;
  // One set of loaders for all targets of this change: the unit rows do not depend on who asks.
  const loaders = createLoaders(deps.prisma, deps.config);
  loaders.orgUnit.prime(notice.orgUnitId, notice.orgUnit);
  const ctxOf = (t: T): Context => ({ ...createContext(deps, t.principal, t.request), loaders });
  const readers = new Set(change.k === 'receipt' ? (change.a ?? []) : []);
  for (const t of targets) {
    const p = t.principal;
    // A partner key follows a unit's notices only with the scope its notices query asks for.
    if (p.kind === 'partner' && !p.scopes.has(partnerScope('Notice'))) continue;
    const ctx = ctxOf(t);
    if (change.k === 'notice') {
      if (!(await canSeeNotice(ctx, notice))) continue;
      if (p.kind === 'account' && isAddressedTo(notice, notice.orgUnit.path, p)) add(t, { event: 'notices', data: none });
      add(t, { event: 'notice', data: { id: notice.id } });
    } else {
      // A receipt is seen by its reader and by staff over the notice's unit (its counts and who has not confirmed).
      const own = p.kind === 'account' && readers.has(p.accountId);
      if (own) add(t, { event: 'notices', data: none });
      if (own || (await followsUnit(ctx, notice.orgUnitId))) add(t, { event: 'notice', data: { id: notice.id } });
    }
  }
  return out;
}
