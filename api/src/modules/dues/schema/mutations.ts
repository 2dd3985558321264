// Dues mutations: each delegates to service.ts, which writes the rows with their records.
import { builder } from '../../../graphql/builder.js';
import { inputMutation, recordMutation, rowMutation, underUnit } from '../../../graphql/rows.js';
import { checkDuesBase, confirmRemittance, correctPayment, decideArrearsCase, decideHardship, declareBase, proposeHardship, raiseArrearsCases, recordPayment, submitRemittance } from '../service.js';
import { DuesCategoryEnum, DuesHardshipKindEnum, DuesPaymentMethodEnum } from './types.js';

const DeclareBaseInput = builder.inputType('DeclareDuesBaseInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    year: t.int({ required: true }),
    category: t.field({ type: DuesCategoryEnum, required: true }),
    baseFen: t.int({ description: 'Monthly income in fen (IN_WORK, RETIRED, OTHER)' }),
    fixedFen: t.int({ description: 'FARMER: 20–100 fen a month' }),
  }),
});

const HardshipInput = builder.inputType('ProposeDuesHardshipInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    kind: t.field({ type: DuesHardshipKindEnum, required: true }),
    reducedFen: t.int({ description: 'REDUCTION: the reduced monthly amount in fen' }),
    fromMonth: t.string({ required: true, description: 'YYYY-MM' }),
    toMonth: t.string({ required: true, description: 'YYYY-MM, at most 24 months on' }),
    reason: t.string({ required: true }),
    branchDecision: t.string({ required: true, description: 'The branch meeting’s decision, e.g. "支部委员会 2026-03-05 决定"' }),
  }),
});

const PaymentInput = builder.inputType('RecordDuesPaymentInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    months: t.stringList({ required: true, description: 'YYYY-MM, 1–24 months not yet paid' }),
    amountFen: t.int({ required: true, description: 'At least the dues of the months; the rest is a voluntary extra' }),
    method: t.field({ type: DuesPaymentMethodEnum, required: true }),
    reference: t.string({ description: 'Transaction reference; required for TRANSFER and ONLINE' }),
    paidOn: t.string({ description: 'YYYY-MM-DD; default today' }),
  }),
});

const ArrearsDecisionEnum = builder.enumType('DuesArrearsDecision', { values: ['EXCUSED', 'TREAT_AS_LEFT', 'SETTLED'] as const });

builder.mutationFields((t) => ({
  declareDuesBase: inputMutation(t, 'DuesBase', DeclareBaseInput, {
    description: 'Declares a member’s base for a year (the member themself, or a secretary of their unit); re-declaring replaces it until the branch checks it',
    authScopes: { signedIn: true },
    write: declareBase,
  }),
  checkDuesBase: rowMutation(t, 'DuesBase', { description: 'The branch checks a declared base; from then on it sets the year’s dues', write: checkDuesBase }),
  proposeDuesHardship: inputMutation(t, 'DuesHardship', HardshipInput, {
    description: 'Records the branch’s decision to reduce or exempt a member’s dues, for the level above to approve',
    write: proposeHardship,
  }),
  decideDuesHardship: recordMutation(t, 'DuesHardship', {
    description: 'Approves or rejects a hardship decision: a secretary of a unit above the member’s branch (or an admin), not its proposer',
    args: { id: t.arg.id({ required: true }), approve: t.arg.boolean({ required: true }), note: t.arg.string() },
    write: (ctx, args) => decideHardship(ctx, args.id, args.approve, args.note),
  }),
  recordDuesPayment: inputMutation(t, 'DuesPayment', PaymentInput, { description: 'Records a payment of one or more unpaid months (secretary of the member’s unit or above)', write: recordPayment }),
  correctDuesPayment: recordMutation(t, 'DuesPayment', {
    description: 'Reverses a payment with a new entry (the original stays); record the right payment afterwards',
    args: { paymentId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    write: (ctx, args) => correctPayment(ctx, args.paymentId, args.reason),
  }),
  raiseDuesArrearsCases: t.prismaField({
    type: ['DuesArrearsCase'],
    description: 'Runs the system’s arrears scan over a subtree (default: yours): six consecutive unpaid months without a recorded reason raise a case (recorded by "system")',
    args: { under: t.arg.id() },
    authScopes: { writer: true },
    resolve: async (q, _r, args, ctx) => {
      const rows = await raiseArrearsCases(ctx, await underUnit(ctx, args.under));
      return ctx.prisma.duesArrearsCase.findMany({ ...q, where: { id: { in: rows.map((r) => r.id) } }, orderBy: { fromMonth: 'asc' } });
    },
  }),
  decideDuesArrearsCase: recordMutation(t, 'DuesArrearsCase', {
    description: 'Records the branch’s decision on an arrears case, with its reason',
    args: { id: t.arg.id({ required: true }), decision: t.arg({ type: ArrearsDecisionEnum, required: true }), reason: t.arg.string({ required: true }) },
    write: (ctx, args) => decideArrearsCase(ctx, args.id, args.decision, args.reason),
  }),
  submitDuesRemittance: recordMutation(t, 'DuesRemittance', {
    description: 'Passes a unit’s month (its subtree’s payments dated in the month) to the level above; resubmitting replaces it until confirmed',
    args: { unitId: t.arg.id({ required: true }), month: t.arg.string({ required: true }) },
    write: (ctx, args) => submitRemittance(ctx, args.unitId, args.month),
  }),
  confirmDuesRemittance: recordMutation(t, 'DuesRemittance', {
    description: 'The level above confirms it received a remittance, with its receipt number',
    args: { id: t.arg.id({ required: true }), receiptNo: t.arg.string({ required: true }) },
    write: (ctx, args) => confirmRemittance(ctx, args.id, args.receiptNo),
  }),
}));
