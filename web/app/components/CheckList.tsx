// The four checks of a proof bundle, each with its result and, when it did not pass, the reason
// @lianjian/verify gave.
import type { Check } from '@lianjian/verify';
import { useT } from '../i18n/use-t';

export function CheckList({ checks, provenAt }: { checks: Check[]; provenAt: number | null }) {
  const t = useT();
  return (
    <ol className="checks" aria-label={t.verify.checks}>
      {checks.map((c) => {
        const state = c.ok === true ? 'pass' : c.ok === false ? 'fail' : 'skip';
        const label = c.ok === true ? t.verify.pass : c.ok === false ? t.verify.fail : t.verify.skipped;
        return (
          <li key={c.name} className={`check check-${state}`} data-check={c.name} data-state={state}>
            <span className="check-icon" aria-hidden="true">
              {state === 'pass' ? '✓' : state === 'fail' ? '✗' : '–'}
            </span>
            <div className="check-body">
              <p className="check-title">
                <strong>{t.verify.check[c.name] ?? c.name}</strong> <span className={`pill pill-${state}`}>{label}</span>
                {c.name === 'chain' && c.ok === true && provenAt !== null ? <span className="check-height"> · {t.verify.chainAt(provenAt)}</span> : null}
              </p>
              <p className="check-help">{t.verify.checkHelp[c.name]}</p>
              {c.reason && c.ok !== true ? (
                <p className="check-reason" lang="en" data-testid={`reason-${c.name}`}>
                  {c.reason}
                </p>
              ) : null}
              {c.detail && c.ok === true ? (
                <p className="check-detail" lang="en">
                  {c.detail}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
