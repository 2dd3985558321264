// Committee mutations: each delegates to service.ts, which writes the rows with their records.
import { builder } from '../../../graphql/builder.js';
import { appointPosition, relievePosition, setUpCommittee, type Appointment } from '../service.js';
import { CommitteeFormEnum, CommitteePositionRef, CommitteeTitleEnum } from './types.js';

const SetUpCommitteeInput = builder.inputType('SetUpCommitteeInput', {
  fields: (t) => ({
    unitId: t.id({ required: true }),
    form: t.field({ type: CommitteeFormEnum, description: 'Default: SECRETARY_ONLY for a branch of fewer than 7 full members, else COMMITTEE' }),
    termStart: t.string({ required: true, description: 'YYYY-MM-DD, the day of the election' }),
    termEnd: t.string({ required: true, description: 'YYYY-MM-DD: 3 years on for a branch or general branch, 3–5 for a grassroots committee' }),
  }),
});

const AppointInput = builder.inputType('AppointCommitteePositionInput', {
  fields: (t) => ({
    committeeId: t.id({ required: true }),
    title: t.field({ type: CommitteeTitleEnum, required: true }),
    memberId: t.id({ required: true, description: 'An active full member of the unit or a unit under it' }),
    startedOn: t.string({ description: 'YYYY-MM-DD; default today' }),
  }),
});

const AppointmentRef = builder.objectRef<Appointment>('CommitteeAppointment').implement({
  description: 'An appointment, and the holding it ended (the previous holder of a single position)',
  fields: (t) => ({
    position: t.field({ type: CommitteePositionRef, resolve: (a) => a.position }),
    ended: t.field({ type: [CommitteePositionRef], resolve: (a) => a.ended }),
  }),
});

builder.mutationFields((t) => ({
  setUpCommittee: t.prismaField({
    type: 'Committee',
    description: 'Records a unit’s leadership for a new term (换届); the current term ends the day it starts. The level above records it (ADMIN, or a SECRETARY above the unit)',
    args: { input: t.arg({ type: SetUpCommitteeInput, required: true }) },
    authScopes: { writer: true },
    resolve: async (q, _r, { input }, ctx) => {
      const row = await setUpCommittee(ctx, { ...input, unitId: String(input.unitId) });
      return ctx.prisma.committee.findUniqueOrThrow({ ...q, where: { id: row.id } });
    },
  }),
  appointCommitteePosition: t.field({
    type: AppointmentRef,
    description: 'Appoints a member to a position of the current term; a single position passes from its holder. A 书记 gets the unit’s secretary access on their account, and the previous 书记’s ends (decision 014)',
    args: { input: t.arg({ type: AppointInput, required: true }) },
    authScopes: { writer: true },
    resolve: (_r, { input }, ctx) => appointPosition(ctx, { ...input, committeeId: String(input.committeeId), memberId: String(input.memberId) }),
  }),
  relieveCommitteePosition: t.prismaField({
    type: 'CommitteePosition',
    description: 'Ends a holding (免职); a 书记’s secretary access ends with it',
    args: { id: t.arg.id({ required: true }), endedOn: t.arg.string({ description: 'YYYY-MM-DD; default today' }) },
    authScopes: { writer: true },
    resolve: async (q, _r, args, ctx) => ctx.prisma.committeePosition.findUniqueOrThrow({ ...q, where: { id: (await relievePosition(ctx, args.id, args.endedOn)).id } }),
  }),
}));
