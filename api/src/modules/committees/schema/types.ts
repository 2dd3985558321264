// The committee types: a unit's leadership for a term and the positions its members hold.
import { CommitteeForm, CommitteeTitle } from '@lianjian/db';
import { todayInChina } from '@lianjian/rules/dates';
import { builder } from '../../../graphql/builder.js';
import { Verifiable } from '../../../graphql/verifiable.js';
import { assertCanSeeLeadership } from '../access.js';
import { daysLeft } from '../terms.js';

export const CommitteeFormEnum = builder.enumType(CommitteeForm, { name: 'CommitteeForm', description: 'COMMITTEE 设委员会 / SECRETARY_ONLY 不设委员会，只设书记（正式党员不足 7 人的党支部）' });
export const CommitteeTitleEnum = builder.enumType(CommitteeTitle, {
  name: 'CommitteeTitle',
  description: 'SECRETARY 书记 / DEPUTY_SECRETARY 副书记 / ORGANISATION 组织委员 / PUBLICITY 宣传委员 / DISCIPLINE 纪检委员 / YOUTH 青年委员 / UNITED_FRONT 统战委员 / MEMBER 委员',
});

/** Term-end days within which a current term is a due item (换届) by default. */
export const DEFAULT_DUE_DAYS = 90;

export const CommitteeRef = builder.prismaObject('Committee', {
  description: 'A unit’s leadership for one term (届): its committee, or a branch’s secretary alone',
  interfaces: [Verifiable],
  select: { id: true, version: true, orgUnitId: true },
  authScopes: async (row, ctx) => {
    await assertCanSeeLeadership(ctx, 'Committee', row);
    return { read: 'Committee' };
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    orgUnitId: t.exposeID('orgUnitId'),
    unit: t.relation('orgUnit'),
    form: t.expose('form', { type: CommitteeFormEnum }),
    termStart: t.expose('termStart', { type: 'Date' }),
    termEnd: t.expose('termEnd', { type: 'Date', description: 'When the term is due for re-election (换届)' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true, description: 'Set when the next term started or the unit was merged or dissolved' }),
    current: t.boolean({ select: { endedOn: true }, resolve: (c) => c.endedOn === null }),
    daysLeft: t.int({
      description: 'Days from today (China) to the term end; negative once it has passed',
      select: { termEnd: true },
      resolve: (c, _a, ctx) => daysLeft(todayInChina(ctx.config.now()), c.termEnd.toISOString().slice(0, 10)),
    }),
    positions: t.relation('positions', {
      description: 'Positions of this term, in title order; `current: true` only those still held',
      args: { current: t.arg.boolean() },
      query: (args) => ({ where: args.current ? { endedOn: null } : {}, orderBy: [{ title: 'asc' }, { startedOn: 'asc' }] }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const CommitteePositionRef = builder.prismaObject('CommitteePosition', {
  description: 'A member holding a committee position (职务) from `startedOn` until `endedOn`',
  interfaces: [Verifiable],
  select: { id: true, version: true, orgUnitId: true },
  authScopes: async (row, ctx) => {
    await assertCanSeeLeadership(ctx, 'CommitteePosition', row);
    return { read: 'CommitteePosition' };
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    orgUnitId: t.exposeID('orgUnitId'),
    committeeId: t.exposeID('committeeId'),
    title: t.expose('title', { type: CommitteeTitleEnum }),
    memberId: t.exposeID('memberId'),
    memberName: t.string({ select: { member: { select: { name: true } } }, resolve: (r) => r.member.name }),
    startedOn: t.expose('startedOn', { type: 'Date' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true }),
    accountId: t.exposeID('accountId', { nullable: true, description: 'The account given the unit’s secretary access with a 书记 appointment' }),
  }),
});

builder.prismaObjectFields('OrgUnit', (t) => ({
  committee: t.prismaField({
    type: 'Committee',
    nullable: true,
    description: 'The unit’s current leadership (null: none recorded)',
    authScopes: { read: 'Committee' },
    select: { id: true },
    resolve: (q, unit, _a, ctx) => ctx.prisma.committee.findFirst({ ...q, where: { orgUnitId: unit.id, endedOn: null } }),
  }),
}));
