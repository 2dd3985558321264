// The event catalogue: what a partner can subscribe to, the scope each kind needs, and which record
// versions raise it. Every kind is about one record version, so a partner reads the record itself
// (with its proof) through GraphQL with the same key; the payload carries no data of its own.
import type { WebhookEventKind } from '@lianjian/db';
import { partnerScope } from '../../shared/principal.js';
import { VERIFIABLE_TYPES } from '../../shared/records/types.js';

export const WEBHOOK_KINDS = ['RECORD_ANCHORED', 'MEMBER_CHANGED', 'MEETING_PUBLISHED', 'DECISION_MADE', 'NOTICE_PUBLISHED'] as const satisfies readonly WebhookEventKind[];

/** The record type whose read scope a kind needs; RECORD_ANCHORED needs the scope of each record's own type (checked per record). */
export const KIND_TYPE: Record<WebhookEventKind, string | null> = {
  RECORD_ANCHORED: null,
  MEMBER_CHANGED: 'Member',
  MEETING_PUBLISHED: 'Meeting',
  DECISION_MADE: 'Decision',
  NOTICE_PUBLISHED: 'Notice',
};

export const KIND_DESCRIPTION: Record<WebhookEventKind, { en: string; zh: string }> = {
  RECORD_ANCHORED: { en: 'a record of a type the key reads was anchored on chain (its proof is complete)', zh: '密钥可读类型的记录已上链锚定（证明完整）' },
  MEMBER_CHANGED: { en: 'a member record was created or changed', zh: '党员记录新建或变更' },
  MEETING_PUBLISHED: { en: 'a meeting was published', zh: '会议已发布' },
  DECISION_MADE: { en: 'a decision was recorded', zh: '决议已形成' },
  NOTICE_PUBLISHED: { en: 'a notice was published', zh: '通知已发布' },
};

/** Whether a key holding `scopes` may subscribe to `kind` (RECORD_ANCHORED: any "<Type>:read"). */
export function kindAllowed(kind: WebhookEventKind, scopes: ReadonlySet<string> | readonly string[]): boolean {
  const has = (s: string) => (scopes instanceof Set ? scopes.has(s) : (scopes as readonly string[]).includes(s));
  const type = KIND_TYPE[kind];
  if (type === null) return VERIFIABLE_TYPES.some((t) => has(partnerScope(t)));
  return has(partnerScope(type));
}

/** What a kind needs, in words, for the refusal. */
export function kindNeeds(kind: WebhookEventKind): string {
  const type = KIND_TYPE[kind];
  return type === null ? 'a "<Type>:read" scope' : `"${partnerScope(type)}"`;
}

/** The kinds a record version raises (before the key's scope and subtree are checked). */
export function kindsOfRecord(r: { entityType: string; version: number; status?: string | null; previousStatus?: string | null }): WebhookEventKind[] {
  switch (r.entityType) {
    case 'Member':
      return ['MEMBER_CHANGED'];
    case 'Notice':
      // Notices are published when created; later versions (withdrawal, reminders) are not new notices.
      return r.version === 1 ? ['NOTICE_PUBLISHED'] : [];
    case 'Decision':
      return r.version === 1 ? ['DECISION_MADE'] : [];
    case 'Meeting':
      // Published once: the version that moves it into PUBLISHED (a later edit while published is not a new publication).
      return r.status === 'PUBLISHED' && r.previousStatus !== 'PUBLISHED' ? ['MEETING_PUBLISHED'] : [];
    default:
      return [];
  }
}

/** Record types whose documents the scan needs to read (to see a status). */
export const TYPES_READ_FOR_STATUS = ['Meeting'];
/** Record types any record kind (other than RECORD_ANCHORED) is about. */
export const RECORD_KIND_TYPES = ['Member', 'Notice', 'Decision', 'Meeting'];
