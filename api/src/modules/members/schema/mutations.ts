// createMember / updateMember / transferMember: each change is a new version with its record.
import { builder } from '../../../graphql/builder.js';
import { inputMutation, recordMutation } from '../../../graphql/rows.js';
import { createMember, transferMember, updateMember } from '../service.js';
import { requireUuid } from '../../../shared/ids.js';
import { EducationEnum, GenderEnum, MemberStageEnum, MemberStatusEnum } from '../../../graphql/enums.js';

const CreateMemberInput = builder.inputType('CreateMemberInput', {
  description: 'A new member record. The date of the given stage is required; earlier stage dates are optional.',
  fields: (t) => ({
    orgUnitId: t.id({ required: true, description: 'A branch or group in your subtree' }),
    name: t.string({ required: true }),
    gender: t.field({ type: GenderEnum, required: true }),
    birthDate: t.field({ type: 'Date', required: true }),
    ethnicity: t.string({ required: true }),
    education: t.field({ type: EducationEnum, required: true }),
    occupation: t.string(),
    nativePlace: t.string(),
    stage: t.field({ type: MemberStageEnum, description: 'Default APPLICANT' }),
    appliedOn: t.field({ type: 'Date' }),
    activistSince: t.field({ type: 'Date' }),
    candidateSince: t.field({ type: 'Date' }),
    probationarySince: t.field({ type: 'Date' }),
    fullMemberSince: t.field({ type: 'Date' }),
    nationalId: t.string({
      description:
        'Resident ID number: checked, then only its keyed hash is kept. CONFLICT if a member in your scope has it; one outside your scope is not revealed (identityHolds). Counts against your daily identity lookup limit.',
    }),
    phone: t.string(),
    address: t.string(),
  }),
});

const UpdateMemberInput = builder.inputType('UpdateMemberInput', {
  description: 'Fields to change; omitted fields stay, null clears an optional field. Stage changes go through the development pipeline.',
  fields: (t) => ({
    name: t.string(),
    gender: t.field({ type: GenderEnum }),
    birthDate: t.field({ type: 'Date' }),
    ethnicity: t.string(),
    education: t.field({ type: EducationEnum }),
    occupation: t.string(),
    nativePlace: t.string(),
    nationalId: t.string({ description: 'As in CreateMemberInput; null removes it' }),
    phone: t.string(),
    address: t.string(),
    status: t.field({ type: MemberStatusEnum, description: 'ACTIVE, WITHDRAWN, EXPELLED or DECEASED' }),
    statusChangedOn: t.field({ type: 'Date', description: 'Default today when status changes' }),
  }),
});

builder.mutationFields((t) => ({
  createMember: inputMutation(t, 'Member', CreateMemberInput, { description: 'Adds a member (ADMIN, or SECRETARY of the unit). Version 1 is recorded for the chain.', write: createMember }),
  updateMember: recordMutation(t, 'Member', {
    description: 'Changes a member\'s details as a new version. Pass `expectedVersion` to refuse (CONFLICT) if someone else changed it first.',
    args: {
      id: t.arg.id({ required: true }),
      expectedVersion: t.arg.int(),
      input: t.arg({ type: UpdateMemberInput, required: true }),
    },
    write: (ctx, args) => updateMember(ctx, requireUuid('id', args.id), args.expectedVersion, args.input),
  }),
  transferMember: recordMutation(t, 'Member', {
    description: 'Moves a member to another branch or group within your subtree, as a new version. Transfers elsewhere use transfer letters.',
    args: {
      id: t.arg.id({ required: true }),
      toUnitId: t.arg.id({ required: true }),
      expectedVersion: t.arg.int(),
    },
    write: (ctx, args) => transferMember(ctx, requireUuid('id', args.id), String(args.toUnitId), args.expectedVersion),
  }),
}));
