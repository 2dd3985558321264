// The ≤ 1/3 优秀 cap, counted live as the secretary picks ratings (the API enforces it on save).
import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';

export function AppraisalCap({ formId, cap, initial }: { formId: string; cap: number; initial: number }) {
  const t = useT();
  const [count, setCount] = useState(initial);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return;
    const recount = () => setCount(form.querySelectorAll('select[data-rating] option[value="EXCELLENT"]:checked').length);
    recount();
    form.addEventListener('change', recount);
    return () => form.removeEventListener('change', recount);
  }, [formId]);
  const over = count > cap;
  return (
    <p role="status" aria-live="polite" data-testid="appraisal-cap" data-over={over}>
      <span className={over ? 'cap-over' : 'cap-ok'}>{t.appraisal.cap(count, cap)}</span>
      {over ? <span className="cap-over"> — {t.appraisal.capOver}</span> : null}
    </p>
  );
}
