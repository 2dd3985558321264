// The inbox's GraphQL types. InboxKindEnum and EmailModeEnum mirror the database enums; other
// modules (notices) import them from here rather than defining them again.
import type { InboxItem } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { linkOf, occasionName, occasionOf, type EmailSettings } from '../service.js';

export const InboxKindEnum = dbEnum('InboxKind', 'What an inbox item asks its person to do (提醒类别)');
export const EmailModeEnum = dbEnum('EmailMode', 'E-mail for a kind of reminder: none, each at once, or one daily digest');

const OccasionNameRef = builder.objectRef<{ zh: string; en: string }>('InboxOccasionName').implement({
  fields: (t) => ({ zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

export const InboxItemRef = builder.objectRef<InboxItem>('InboxItem').implement({
  description: 'A reminder in the caller’s own inbox (待办提醒): derived from what is due, cleared when it is done',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: InboxKindEnum }),
    subjectType: t.exposeString('subjectType', { description: 'The GraphQL type the item is about (Member, LevelRequest, Meeting, Vote, …)' }),
    subjectId: t.exposeString('subjectId', { description: 'Its id (a number for a tamper alert)' }),
    orgUnitId: t.exposeID('orgUnitId', { nullable: true }),
    title: t.exposeString('title', { description: 'The subject’s own words: a member’s name, a meeting’s title' }),
    occasion: t.string({
      nullable: true,
      description: 'What about the subject: the step kind of STEP_DUE, the status a LEVEL_REQUEST_WAITING waits in or a LEVEL_REQUEST_DECIDED reached, the phase of APPRAISAL_PHASE',
      resolve: (i) => occasionOf(i),
    }),
    occasionName: t.field({
      type: OccasionNameRef,
      nullable: true,
      description: 'The occasion in words: the step’s name, the status or phase',
      resolve: (i) => occasionName(i),
    }),
    link: t.string({ description: 'The web app’s page for it, relative to the site root', resolve: (i) => linkOf(i) }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    doneAt: t.expose('doneAt', { type: 'DateTime', nullable: true, description: 'When the thing was done or stopped being due' }),
    emailedAt: t.expose('emailedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const InboxCountsRef = builder.objectRef<{ open: number; unread: number }>('InboxCounts').implement({
  description: 'How many of the caller’s items are open (not done), and of those unread',
  fields: (t) => ({
    open: t.exposeInt('open'),
    unread: t.exposeInt('unread'),
  }),
});

const EmailPreferenceRef = builder.objectRef<EmailSettings['preferences'][number]>('EmailPreference').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: InboxKindEnum }),
    mode: t.expose('mode', { type: EmailModeEnum }),
  }),
});

export const EmailSettingsRef = builder.objectRef<EmailSettings>('EmailSettings').implement({
  description: 'The caller’s e-mail address and how each kind of reminder reaches them (every kind listed; OFF unless chosen)',
  fields: (t) => ({
    email: t.exposeString('email', { nullable: true }),
    preferences: t.field({ type: [EmailPreferenceRef], resolve: (s) => s.preferences }),
  }),
});
