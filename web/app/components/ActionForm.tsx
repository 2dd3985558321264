// A form that does one thing (end a meeting, revoke a key, receive a letter, check a base): it
// posts its intent, and the id of the item it acts on if any, with the fields it holds, and its
// button names the item to screen readers (`of`). `confirm`: a question the browser asks first;
// cancelled, nothing is sent.
import type { FormEvent, ReactNode } from 'react';
import { Form } from 'react-router';

export function ActionForm({
  intent,
  id,
  idName = 'id',
  label,
  of,
  buttonClassName = 'btn btn-small',
  busy,
  confirm,
  className = 'inline-form',
  testId,
  formTestId,
  noValidate,
  encType,
  children,
  after,
}: {
  intent: string;
  id?: string;
  /** The name the id is posted under. */
  idName?: string;
  label: ReactNode;
  /** The item's name, read after the label. */
  of?: string;
  buttonClassName?: string;
  busy: boolean;
  confirm?: string;
  className?: string;
  /** The button's test id. */
  testId?: string;
  formTestId?: string;
  /** The API checks the fields (and names the wrong ones), not the browser. */
  noValidate?: boolean;
  /** multipart/form-data for a form with a file field. */
  encType?: 'multipart/form-data';
  /** Fields before the button (and the refusal of this form, first). */
  children?: ReactNode;
  /** What follows the button in the form (the question before an act that cannot be undone). */
  after?: ReactNode;
}) {
  return (
    <Form method="post" encType={encType} className={className} noValidate={noValidate} data-testid={formTestId} onSubmit={confirm ? (e: FormEvent) => askFirst(e, confirm) : undefined}>
      <input type="hidden" name="intent" value={intent} />
      {id !== undefined ? <input type="hidden" name={idName} value={id} /> : null}
      {children}
      <button type="submit" className={buttonClassName} disabled={busy} data-testid={testId}>
        {label}
        {of !== undefined ? (
          <span className="visually-hidden">
            {' '}
            <bdi>{of}</bdi>
          </span>
        ) : null}
      </button>
      {after}
    </Form>
  );
}

/** Stops the submission unless the person confirms. */
function askFirst(e: FormEvent, question: string) {
  if (!window.confirm(question)) e.preventDefault();
}
