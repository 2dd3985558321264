// Technical detail folded away behind a disclosure button (closed until opened). The folded part
// stays in the page as display:none, not inside a closed <details>, so its text still reads as
// text (innerText, copy after opening) while nothing of it shows until asked for.
import { useId, useState, type ReactNode } from 'react';

export function Folded({ summary, children, testId, className }: { summary: string; children: ReactNode; testId?: string; className?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={className ? `folded ${className}` : 'folded'} data-testid={testId} data-open={open ? 'true' : 'false'}>
      <button type="button" className="btn btn-quiet folded-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {summary}
      </button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
