// Server side of detail.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/detail';
import { requireAccount } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { PAGE_ROLES } from '../../lib/roles';
import { chinaToday } from '../../lib/format';
import { fieldsFor, stepFormField, stepInput, StepInputError, stepRuleField, stepValues } from '../../lib/step-inputs';
import { requestedBy } from '../../lib/level-steps';
import { graphql } from '../../graphql';
import type { DevelopmentStepKind } from '../../graphql/graphql';
import type { ActionResult } from './detail';

const MEMBER = graphql(`query Member($id: ID!) {
  member(id: $id) {
    ...MemberFields proof { ...ProofFields }
    developmentHistory { ...StepFields }
    nextActions { ...ActionFields }
    pipelineDue { stepNo kind nameZh nameEn dueOn deadline daysLeft status }
    levelRequests { id kind stepNo nameZh nameEn status requestedAt requestedByName decidedAt decidedByName returnReason decidingUnitName }
  }
  me { account { scopeUnit { kind } } }
  history(type: "Member", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }
}`);

const PEOPLE = graphql(`query People($under: ID) { members(under: $under, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } } }`);

const RECORD = graphql(`mutation RecordStep($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) {
    step { id stepNo nameZh nameEn }
    warnings { code zh en }
  }
}`);

const REQUEST = graphql(`mutation RequestLevelStep($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) {
  requestLevelStep(memberId: $memberId, step: $step, input: $input) { id nameZh nameEn }
}`);

const WRITERS = ['SECRETARY', 'ADMIN'] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.members);
  const r = await ctx.query(MEMBER, { id: params.id });
  const canRecord = (WRITERS as readonly string[]).includes(ctx.account.role);
  const needsPeople = canRecord && r.member.nextActions.some((a) => a.legalToday && fieldsFor(a.kind).includes('people'));
  const people = needsPeople
    ? (await ctx.query(PEOPLE, {})).members.edges
        .map((e) => e.node)
        .filter((p) => p.id !== r.member.id)
    : [];
  // The level above's steps: a branch requests them (shown as "request"), the deciding level records them.
  const requestKinds = canRecord ? requestedBy(ctx.account.role, r.me.account?.scopeUnit.kind) : [];
  const pendingKinds = r.member.levelRequests.filter((x) => x.status === 'PENDING').map((x) => x.kind as string);
  return { member: r.member, history: r.history.edges.map((e) => e.node), canRecord, requestKinds, pendingKinds, people, today: chinaToday() };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { ctx, form, intent, text, fail } = await readPostedForm(request, WRITERS);
  if (intent !== 'record-step' && intent !== 'request-step') {
    throw data({ code: 'BAD_USER_INPUT', message: 'Unknown action.', messageZh: '未知操作。' }, { status: 400 });
  }
  const kind = text('kind');
  const values = stepValues(form);
  try {
    const input = stepInput(kind, form);
    if (intent === 'request-step') {
      const q = await ctx.call(REQUEST, { memberId: params.id, step: kind as DevelopmentStepKind, input });
      return data<ActionResult>({ ok: true, requested: q.requestLevelStep });
    }
    const r = await ctx.call(RECORD, {
      memberId: params.id,
      step: kind as DevelopmentStepKind,
      occurredOn: text('occurredOn'),
      input,
    });
    return data<ActionResult>({ ok: true, recorded: r.recordDevelopmentStep.step });
  } catch (error) {
    if (error instanceof StepInputError) {
      const fields = [{ field: error.field, message: error.message, messageZh: error.messageZh }];
      return data<ActionResult>({ ok: false, intent, error: { code: 'BAD_USER_INPUT', message: error.message, messageZh: error.messageZh }, fields, values }, { status: 400 });
    }
    // A rule's refusal stays on the form, beside the field it is about, with what was typed.
    const failed = await fail(error, intent, { fieldFor: stepRuleField });
    const fields = failed.data.fields.map((f) => ({ ...f, field: stepFormField(f.field) }));
    return data<ActionResult>({ ...failed.data, fields, values }, failed.init ?? undefined);
  }
}
