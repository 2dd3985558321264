// One member (for secretaries, leaders, administrators): profile, the development steps on
// record and the ones allowed next (recorded here by secretaries and administrators), deadlines,
// and every version of the member record — each record verified in the browser.
import { data, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/member';
import { DevelopmentSteps } from '../components/DevelopmentSteps';
import { DevelopmentTimeline, MemberProfile, RecordVersions } from '../components/MemberProfile';
import { NextActions } from '../components/NextActions';
import { RecordStep } from '../components/RecordStep';
import { useLocale, useRootData, useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { readPostedForm } from '../lib/form-action.server';
import {
  ACTION_FIELDS,
  MEMBER_FIELDS,
  PROOF_FIELDS,
  STEP_FIELDS,
  type ActionNode,
  type HistoryNode,
  type MemberNode,
  type ProofNode,
  type StepNode,
} from '../lib/fragments';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';
import { chinaToday } from '../lib/format';
import type { FormFailure } from '../lib/meetings-form';
import { fieldsFor, stepFormField, stepInput, StepInputError, stepRuleField, stepValues } from '../lib/step-inputs';
import type { DueStep } from '../lib/due';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.members.history);

const MEMBER = `query Member($id: ID!) {
  member(id: $id) {
    ${MEMBER_FIELDS} ${PROOF_FIELDS}
    developmentHistory { ${STEP_FIELDS} }
    nextActions { ${ACTION_FIELDS} }
    pipelineDue { stepNo kind nameZh nameEn dueOn deadline daysLeft status }
  }
  history(type: "Member", id: $id, first: 100) { edges { node { version at actor data ${PROOF_FIELDS} } } }
}`;

const PEOPLE = `query People($under: ID) { members(under: $under, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } } }`;

const RECORD = `mutation RecordStep($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) {
    step { id stepNo nameZh nameEn }
    warnings { code zh en }
  }
}`;

type DueNode = DueStep;

type MemberResult = {
  member: MemberNode & { proof: ProofNode; developmentHistory: StepNode[]; nextActions: ActionNode[]; pipelineDue: DueNode[] };
  history: { edges: Array<{ node: HistoryNode }> };
};

/** A refused step keeps what was typed, to show it again. */
export type StepFailure = FormFailure & { values: Record<string, string | string[]> };
type ActionResult = { ok: true; recorded: { nameZh: string; nameEn: string } } | StepFailure;

const WRITERS = ['SECRETARY', 'ADMIN'] as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.members);
  const r = await ctx.query<MemberResult>(MEMBER, { id: params.id });
  const canRecord = (WRITERS as readonly string[]).includes(ctx.account.role);
  const needsPeople = canRecord && r.member.nextActions.some((a) => a.legalToday && fieldsFor(a.kind).includes('people'));
  const people = needsPeople
    ? (await ctx.query<{ members: { edges: Array<{ node: { id: string; name: string } }> } }>(PEOPLE, {})).members.edges
        .map((e) => e.node)
        .filter((p) => p.id !== r.member.id)
    : [];
  return { member: r.member, history: r.history.edges.map((e) => e.node), canRecord, people, today: chinaToday() };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { ctx, form, intent, text, fail } = await readPostedForm(request, WRITERS);
  if (intent !== 'record-step') {
    throw data({ code: 'BAD_USER_INPUT', message: 'Unknown action.', messageZh: '未知操作。' }, { status: 400 });
  }
  const kind = text('kind');
  const values = stepValues(form);
  try {
    const input = stepInput(kind, form);
    const r = await ctx.call<{ recordDevelopmentStep: { step: { nameZh: string; nameEn: string } } }>(RECORD, {
      memberId: params.id,
      step: kind,
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

export default function MemberPage() {
  const t = useT();
  const locale = useLocale();
  const { member, history, canRecord, people, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <section className="page" aria-labelledby="member-title">
      <p>
        <Link to="/members">← {t.members.back}</Link>
      </p>
      <h1 id="member-title">{member.name}</h1>
      {useRootData()?.viewer?.role === 'ADMIN' ? (
        <p>
          <Link to={`/admin/accounts?member=${encodeURIComponent(member.id)}`} className="btn btn-small">
            {t.accounts.openAccount}
          </Link>
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice" role="status" data-testid="step-recorded">
          {t.steps.recorded(locale === 'zh-CN' ? result.recorded.nameZh : result.recorded.nameEn)}
        </p>
      ) : null}
      <div className="grid-2">
        <MemberProfile member={member} proof={member.proof} titleId="profile-title" />
        <div>
          <article className="card" aria-labelledby="next-title">
            <h2 id="next-title">{t.steps.next}</h2>
            <p className="muted small">{t.steps.nextNote}</p>
            <NextActions actions={member.nextActions} />
            <h3>{t.steps.due}</h3>
            {member.pipelineDue.length === 0 ? (
              <p className="muted small">{t.steps.dueNone}</p>
            ) : (
              <ul className="plain" data-testid="member-due">
                {member.pipelineDue.map((d) => (
                  <li key={`${d.kind}-${d.dueOn}`} className={`due due-${d.status.toLowerCase()}`}>
                    <span className={d.status === 'DUE' ? 'badge badge-skip' : 'badge badge-fail'}>{t.steps.dueStatus[d.status] ?? d.status}</span>{' '}
                    {t.steps.stepN(d.stepNo)} {locale === 'zh-CN' ? d.nameZh : d.nameEn} · {t.steps.dueOn(d.dueOn)} · {t.steps.daysLeft(d.daysLeft)}
                  </li>
                ))}
              </ul>
            )}
          </article>
          {canRecord ? (
            <RecordStep
              key={result?.ok ? `done-${member.developmentHistory.length}` : 'form'}
              actions={member.nextActions}
              people={people}
              today={today}
              history={member.developmentHistory}
              since={member}
              failure={result && !result.ok ? result : null}
            />
          ) : null}
        </div>
      </div>
      {member.developmentHistory.length > 0 ? <DevelopmentSteps steps={member.developmentHistory} /> : <DevelopmentTimeline member={member} />}
      <RecordVersions type="Member" id={member.id} history={history} title={t.members.history} note={t.me.recordsNote} />
    </section>
  );
}
