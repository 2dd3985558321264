// A member's recorded development steps (the 25-step procedure), each a record with its proof,
// verified in the browser.
import { useLocale, useT } from '../i18n/use-t';
import { stepProvenFields, type StepNode } from '../lib/fragments';
import { ProofStatus } from './ProofStatus';

export function DevelopmentSteps({ steps }: { steps: StepNode[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="card" aria-labelledby="steps-title">
      <h2 id="steps-title">{t.steps.title}</h2>
      <p className="muted small">{t.steps.note}</p>
      {steps.length === 0 ? <p>{t.steps.none}</p> : null}
      <ol className="steps" data-testid="steps">
        {steps.map((s) => {
          const name = locale === 'zh-CN' ? s.nameZh : s.nameEn;
          return (
            <li key={s.id} className="step" data-step={s.stepNo}>
              <p className="step-head">
                <span className="step-no" aria-label={t.steps.stepN(s.stepNo)}>
                  {s.stepNo}
                </span>
                <span className="step-name">{name}</span>
                <time dateTime={s.occurredOn} className="muted">
                  {s.occurredOn}
                </time>
                <span className="pill">{t.stages[s.stage] ?? s.stage}</span>
                {s.approval === 'PENDING' || s.approval === 'REJECTED' ? <span className="pill pill-skip">{t.steps.approval[s.approval]}</span> : null}
              </p>
              {s.warnings.length > 0 ? (
                <ul className="warnings">
                  {s.warnings.map((w) => (
                    <li key={w.code}>{locale === 'zh-CN' ? w.zh : w.en}</li>
                  ))}
                </ul>
              ) : null}
              <ProofStatus proof={s.proof} fields={stepProvenFields(s)} what={`${t.steps.stepN(s.stepNo)} ${name}`} downloadHref={`/proof/DevelopmentStep/${s.id}/${s.version}`} />
            </li>
          );
        })}
      </ol>
    </article>
  );
}
