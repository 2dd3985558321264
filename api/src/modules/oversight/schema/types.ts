// The oversight view's shapes: the unit in view with the path down to it, a page of its children
// with their figures, and, for a branch, its items (steps, requests, meeting kinds, terms), each
// reusing the type its own area already defines.
import type { OrgUnit } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { checkPageSize, decodeIntCursor, encodeIntCursor } from '../../../graphql/pagination.js';
import { badArgument } from '../../../shared/errors.js';
import { MeetingComplianceRow } from '../../meetings/schema/types.js';
import { OrgUnitRef } from '../../org-units/schema/index.js';
import { LevelQueueStatusEnum, LevelRequestRef } from '../../pipeline/schema/levels.js';
import { PipelineDueItem } from '../../pipeline/schema/types.js';
import { childFigures, childPage, isLeaf, meetingsIn, requestsIn, stepsIn, termsWhere, trailTo, type ChildFigures, type WaitingRequest } from '../service.js';

export interface OversightShape {
  unit: OrgUnit;
}

const CURSOR = 'oversight';

export const OversightChild = builder.objectRef<ChildFigures>('OversightChild').implement({
  description: 'A child unit and the work waiting across its subtree',
  fields: (t) => ({
    unit: t.field({ type: OrgUnitRef, resolve: (c) => c.unit }),
    leaf: t.boolean({ description: 'A branch or group: drilling down shows its items, not child units', resolve: (c) => isLeaf(c.unit) }),
    stepsDue: t.exposeInt('stepsDue', { description: 'Development steps due within 30 days' }),
    stepsOverdue: t.exposeInt('stepsOverdue', { description: 'Development steps past their due date (OVERDUE or EXPIRED)' }),
    requestsWaiting: t.exposeInt('requestsWaiting', { description: 'Requests to the level above still waiting: in a general branch’s review, or for the committee’s decision' }),
    requestsOverdue: t.exposeInt('requestsOverdue', { description: 'Of those, past their limit (pre-review within a month, approval within 3 months, at most 6)' }),
    meetingSlotsOverdue: t.exposeInt('meetingSlotsOverdue', { description: 'Meeting periods so far this year (months, quarters) whose required meeting was not held by their deadline, summed over the branches' }),
    termsEnding: t.exposeInt('termsEnding', { description: 'Current committee terms ending within 90 days (换届)' }),
    termsOverdue: t.exposeInt('termsOverdue', { description: 'Current committee terms already past their end' }),
  }),
});

export const OversightRequest = builder.objectRef<WaitingRequest>('OversightRequest').implement({
  description: 'A request to the level above waiting for its decision, with its limit',
  fields: (t) => ({
    request: t.field({ type: LevelRequestRef, resolve: (r) => r.request }),
    status: t.field({ type: LevelQueueStatusEnum, resolve: (r) => r.status }),
    dueOn: t.field({ type: 'Date', nullable: true, resolve: (r) => r.dueOn }),
    deadline: t.field({ type: 'Date', nullable: true, resolve: (r) => r.deadline }),
    daysLeft: t.int({ nullable: true, resolve: (r) => r.daysLeft }),
    waitingDays: t.exposeInt('waitingDays'),
  }),
});

export const Oversight = builder.objectRef<OversightShape>('Oversight').implement({
  description: 'What a level oversees: the work waiting across the subtree of one unit, read-only',
  fields: (t) => ({
    unit: t.field({ type: OrgUnitRef, resolve: (o) => o.unit }),
    trail: t.field({ type: [OrgUnitRef], description: 'The units from your scope unit down to this one, this one last', resolve: (o, _a, ctx) => trailTo(ctx, o.unit) }),
    leaf: t.boolean({ description: 'A branch or group: the items below are its own; it has no child rows', resolve: (o) => isLeaf(o.unit) }),
    term: t.prismaField({
      type: 'Committee',
      nullable: true,
      description: 'This unit’s current term (null: none recorded)',
      resolve: (q, o, _a, ctx) => ctx.prisma.committee.findFirst({ ...q, where: { orgUnitId: o.unit.id, endedOn: null } }),
    }),
    children: t.connection({
      type: OversightChild,
      description: 'The standing child units in unit-number order, each with its subtree’s figures (empty for a branch)',
      resolve: async (o, args, ctx) => {
        checkPageSize(args, ctx);
        if (args.last != null || args.before != null) throw badArgument('last', 'is not supported: page forward with first and after.', '不支持：请用 first 和 after 向后翻页。');
        const afterNo = decodeIntCursor(CURSOR, 'after', args.after);
        const first = args.first ?? ctx.config.defaultPageSize;
        const page = isLeaf(o.unit) ? { units: [], totalCount: 0, hasNextPage: false } : await childPage(ctx, o.unit, first, afterNo);
        const nodes = await childFigures(ctx, page.units);
        const edges = nodes.map((node) => ({ cursor: encodeIntCursor(CURSOR, node.unit.no), node }));
        return {
          totalCount: page.totalCount,
          edges,
          pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: afterNo !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        };
      },
    }, {
      name: 'OversightChildConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All standing child units, across pages', resolve: (c) => (c as unknown as { totalCount: number }).totalCount }),
      }),
    }),
    steps: t.field({
      type: [PipelineDueItem],
      description: 'A branch’s development steps due within 30 days or overdue, soonest first (empty above a branch)',
      resolve: (o, _a, ctx) => (isLeaf(o.unit) ? stepsIn(ctx, o.unit) : []),
    }),
    requests: t.field({
      type: [OversightRequest],
      description: 'A branch’s requests waiting on the level above, oldest first (empty above a branch)',
      resolve: (o, _a, ctx) => (isLeaf(o.unit) ? requestsIn(ctx, o.unit) : []),
    }),
    meetings: t.field({
      type: [MeetingComplianceRow],
      description: 'A branch’s meeting kinds with a slot due or overdue this year (empty above a branch)',
      resolve: (o, _a, ctx) => meetingsIn(ctx, o.unit),
    }),
    terms: t.prismaField({
      type: ['Committee'],
      description: 'Current terms in a branch ending within 90 days or past their end (empty above a branch)',
      // Above a branch the where matches nothing (Pothos expects its selection to be used).
      resolve: (q, o, _a, ctx) => ctx.prisma.committee.findMany({ ...q, where: isLeaf(o.unit) ? termsWhere(ctx, o.unit) : { id: { in: [] } }, orderBy: [{ termEnd: 'asc' }, { id: 'asc' }], take: 50 }),
    }),
  }),
});
