// While a page loads or a form is sent (useNavigation() not idle), a thin bar runs along the top
// of the window and the main region is marked busy, so a slow API never looks like nothing is
// happening. The bar shows after a moment (CSS), so quick navigations do not flicker.
import { useEffect } from 'react';
import { useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';

export function NavProgress() {
  const t = useT();
  const { state } = useNavigation();
  const busy = state !== 'idle';
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    if (busy) main.setAttribute('aria-busy', 'true');
    else main.removeAttribute('aria-busy');
  }, [busy]);
  return (
    <div className={busy ? 'nav-progress nav-progress-busy' : 'nav-progress'} data-testid="nav-progress" data-state={state} aria-busy={busy}>
      {busy ? (
        <div className="nav-progress-bar" role="progressbar" aria-label={t.app.loading} aria-valuetext={t.app.loading}>
          <span className="visually-hidden" role="status">
            {t.app.loading}
          </span>
        </div>
      ) : null}
    </div>
  );
}
