// The steps the procedure allows next for one person, with their date windows, as the API
// computes them from the rules.
import { useLocale, useT } from '../i18n/use-t';
import type { ActionNode } from '../lib/fragments';

export function NextActions({ actions, compact = false }: { actions: ActionNode[]; compact?: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (actions.length === 0) return <p className="muted small">{t.steps.noActions}</p>;
  return (
    <ul className={compact ? 'actions-list compact' : 'actions-list'} data-testid="next-actions">
      {actions.map((a) => {
        const blocked = a.blockedBy ? (locale === 'zh-CN' ? a.blockedBy.zh : a.blockedBy.en) : null;
        return (
          <li key={a.kind} data-kind={a.kind} data-legal={a.legalToday ? 'true' : 'false'}>
            <span className={a.legalToday ? 'badge badge-pass' : 'badge badge-waiting'}>{t.steps.stepN(a.stepNo)}</span>{' '}
            <strong>{locale === 'zh-CN' ? a.nameZh : a.nameEn}</strong>
            <span className="muted small">
              {a.legalToday ? ` · ${t.steps.legalToday}` : a.notBefore ? ` · ${t.steps.notYet(a.notBefore)}` : ''}
              {a.recommendedFrom && !compact ? ` · ${t.steps.recommendedFrom(a.recommendedFrom)}` : ''}
              {a.dueOn ? ` · ${t.steps.dueOn(a.dueOn)}` : ''}
              {a.deadline && !compact ? ` · ${t.steps.deadline(a.deadline)}` : ''}
            </span>
            {blocked && !compact ? <span className="blocked small">{blocked}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
