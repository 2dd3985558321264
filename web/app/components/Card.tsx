// A section of a page in a card: an <article> labelled by its heading, with an optional line
// under the heading saying what the section is for.
import type { ReactNode } from 'react';

export function Card({ titleId, title, intro, className, testId, children }: { titleId: string; title: ReactNode; intro?: ReactNode; className?: string; testId?: string; children?: ReactNode }) {
  return (
    <article className={className ? `card ${className}` : 'card'} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {intro !== undefined ? <p className="muted small">{intro}</p> : null}
      {children}
    </article>
  );
}

/**
 * A card folded to its summary until opened (a form to add something, opened again when its last
 * submission was refused); `heading`: the summary reads as a section heading.
 */
export function FoldedCard({ summary, open, heading = false, id, children }: { summary: ReactNode; open: boolean; heading?: boolean; id?: string; children: ReactNode }) {
  return (
    <details className="card" id={id} open={open}>
      <summary className={heading ? 'h3' : undefined}>{summary}</summary>
      {children}
    </details>
  );
}
