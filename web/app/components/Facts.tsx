// The two ways a page states figures about a thing: a fact (a label and its value, one row of a
// <dl className="facts">) and a stat (a label over a large value, in a row of <div className="stats">).
import type { ReactNode } from 'react';

type DataProps = Record<`data-${string}`, string | number | undefined>;

export function Fact({ label, testId, valueTestId, valueProps, children }: { label: ReactNode; testId?: string; valueTestId?: string; valueProps?: DataProps; children: ReactNode }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd data-testid={valueTestId} {...valueProps}>
        {children}
      </dd>
    </div>
  );
}

export function Stat({ label, valueTestId, valueProps, children }: { label: ReactNode; valueTestId?: string; valueProps?: DataProps; children: ReactNode }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={valueTestId} {...valueProps}>
        {children}
      </span>
    </div>
  );
}
