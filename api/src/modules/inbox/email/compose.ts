// The text of an e-mail. The subject carries no personal data — only the count and the kind —
// because subjects are shown in notification previews and kept in mail servers' logs; the body
// names the items (their titles: a member's name, a meeting's title) with a link to each.
import type { InboxItem } from '@lianjian/db';
import { linkOf } from '../service.js';
import { KIND_LABEL } from './labels.js';

export interface Composed {
  subject: string;
  body: string;
}

type Item = Pick<InboxItem, 'kind' | 'subjectType' | 'subjectId' | 'orgUnitId' | 'title' | 'dueAt'>;

/** How many items a digest lists; the rest are counted and found in the inbox. */
export const DIGEST_MAX_ITEMS = 100;

function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function line(item: Item, webUrl: string): string {
  const label = KIND_LABEL[item.kind];
  const due = item.dueAt ? ` · ${chinaDate(item.dueAt)}` : '';
  return `• 【${label.zh}】${item.title}${due}\n  ${label.en}\n  ${webUrl}${linkOf(item)}`;
}

const FOOTER = (webUrl: string) =>
  `\n\n——\n收件箱 / Inbox: ${webUrl}/inbox\n在收件箱页面可更改邮件提醒设置。You can change which reminders reach you by e-mail on the inbox page.\n`;

export function composeImmediate(item: Item, webUrl: string): Composed {
  const label = KIND_LABEL[item.kind];
  return {
    subject: `链建提醒：${label.zh} / Lianjian: ${label.en}`,
    body: `您有一项待办 / You have one item to do:\n\n${line(item, webUrl)}${FOOTER(webUrl)}`,
  };
}

export function composeDigest(items: readonly Item[], webUrl: string): Composed {
  const n = items.length;
  const shown = items.slice(0, DIGEST_MAX_ITEMS);
  const more = n > shown.length ? `\n\n另有 ${n - shown.length} 项，请到收件箱查看。 / ${n - shown.length} more in your inbox.` : '';
  return {
    subject: `链建每日提醒：${n} 项待办 / Lianjian daily digest: ${n} ${n === 1 ? 'item' : 'items'} to do`,
    body: `您有 ${n} 项待办 / You have ${n} ${n === 1 ? 'item' : 'items'} to do:\n\n${shown.map((i) => line(i, webUrl)).join('\n\n')}${more}${FOOTER(webUrl)}`,
  };
}
