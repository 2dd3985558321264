// Org unit mutations: each delegates to service.ts, which writes the units with their records.
import { builder } from '../../../graphql/builder.js';
import { OrgUnitKindEnum } from '../../../graphql/enums.js';
import { badArgument } from '../../../shared/errors.js';
import { createUnit, dissolveUnit, mergeUnit, moveUnit, renameUnit, type MergeResult } from '../service.js';
import { OrgUnitRef } from './index.js';

const CreateOrgUnitInput = builder.inputType('CreateOrgUnitInput', {
  fields: (t) => ({
    parentId: t.id({ required: true }),
    kind: t.field({ type: OrgUnitKindEnum, required: true, description: 'In the set order: COMMITTEE > GENERAL_BRANCH > BRANCH > GROUP (a GROUP only in a BRANCH)' }),
    name: t.string({ required: true }),
    code: t.string({ required: true, description: 'Unique; letters, digits, ".", "_", "-"' }),
    province: t.string({ description: "Default: the parent's" }),
    city: t.string(),
    establishedOn: t.string({ description: 'YYYY-MM-DD; default today' }),
  }),
});

const MergeOrgUnitResult = builder.objectRef<MergeResult>('MergeOrgUnitResult').implement({
  description: 'A merge: the merged unit (now dissolved), the unit it went into, and what moved',
  fields: (t) => ({
    unit: t.field({ type: OrgUnitRef, resolve: (r) => r.unit }),
    target: t.field({ type: OrgUnitRef, resolve: (r) => r.target }),
    membersMoved: t.exposeInt('membersMoved'),
    unitsMoved: t.exposeInt('unitsMoved', { description: 'Child units re-parented to the target (with their subtrees)' }),
  }),
});

function dateArg(field: string, value: string | null | undefined): Date | null {
  if (value == null || value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw badArgument(field, 'must be a date, YYYY-MM-DD.', '应为日期，格式 YYYY-MM-DD。');
  return new Date(`${value}T00:00:00Z`);
}

builder.mutationFields((t) => ({
  createOrgUnit: t.prismaField({
    type: 'OrgUnit',
    description: 'Creates a unit under a parent (ADMIN; a SECRETARY under a unit of their subtree)',
    args: { input: t.arg({ type: CreateOrgUnitInput, required: true }) },
    authScopes: { writer: true },
    resolve: async (q, _r, { input }, ctx) => {
      const row = await createUnit(ctx, { ...input, parentId: String(input.parentId), establishedOn: dateArg('input.establishedOn', input.establishedOn) });
      return ctx.prisma.orgUnit.findUniqueOrThrow({ ...q, where: { id: row.id } });
    },
  }),
  renameOrgUnit: t.prismaField({
    type: 'OrgUnit',
    description: 'Renames a unit (and optionally changes its code); a SECRETARY renames units below their own',
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }), code: t.arg.string() },
    authScopes: { writer: true },
    resolve: async (q, _r, args, ctx) => ctx.prisma.orgUnit.findUniqueOrThrow({ ...q, where: { id: (await renameUnit(ctx, args.id, args.name, args.code)).id } }),
  }),
  moveOrgUnit: t.prismaField({
    type: 'OrgUnit',
    description: 'Moves a unit (with its whole subtree) under another parent, in the set order of kinds; never under itself',
    args: { id: t.arg.id({ required: true }), parentId: t.arg.id({ required: true }) },
    authScopes: { writer: true },
    resolve: async (q, _r, args, ctx) => ctx.prisma.orgUnit.findUniqueOrThrow({ ...q, where: { id: (await moveUnit(ctx, args.id, args.parentId)).id } }),
  }),
  mergeOrgUnit: t.field({
    type: MergeOrgUnitResult,
    description: 'Merges a unit into another of its kind: its child units and members, and the transfer letters, remittances and level requests waiting on it, move to the target; its leadership ends; it is dissolved',
    args: { id: t.arg.id({ required: true }), targetId: t.arg.id({ required: true }) },
    authScopes: { writer: true },
    resolve: (_r, args, ctx) => mergeUnit(ctx, args.id, args.targetId),
  }),
  dissolveOrgUnit: t.prismaField({
    type: 'OrgUnit',
    description: 'Dissolves a unit with no active members and no live child units (move them first); its leadership ends; its history stays',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { writer: true },
    resolve: async (q, _r, args, ctx) => ctx.prisma.orgUnit.findUniqueOrThrow({ ...q, where: { id: (await dissolveUnit(ctx, args.id)).id } }),
  }),
}));
