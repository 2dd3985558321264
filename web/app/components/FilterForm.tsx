// The filter bar above a list: a GET form (so filters live in the URL and work without JS) with
// its fields, a submit button and optionally a link back to the unfiltered list.
import type { ReactNode } from 'react';
import { Form, Link } from 'react-router';

export function FilterForm({
  label,
  search = true,
  className,
  submit,
  buttonClassName = 'btn btn-primary',
  reset,
  children,
}: {
  /** Names the form; a named form is a search landmark unless `search` is false. */
  label?: string;
  search?: boolean;
  /** Classes beside "filters card". */
  className?: string;
  submit: string;
  buttonClassName?: string;
  reset?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <Form method="get" className={className ? `filters card ${className}` : 'filters card'} {...(label !== undefined ? { ...(search ? { role: 'search' } : {}), 'aria-label': label } : {})}>
      {children}
      <div className="field field-actions">
        <button type="submit" className={buttonClassName}>
          {submit}
        </button>
        {reset ? (
          <Link to={reset.to} className="btn btn-quiet">
            {reset.label}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
