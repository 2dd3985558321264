// The top of one record's page: the way back to its list, and its title with its status; and
// the way back alone, for any page below another.
import { Link } from 'react-router';
import { UserText } from './UserText';

export function RecordHead({
  id,
  back,
  title,
  status,
}: {
  /** The heading's id, which the page's section is labelled by. */
  id: string;
  back: { to: string; label: string };
  title: string;
  status: { value: string; label: string; testId: string; className?: string };
}) {
  return (
    <>
      <BackLink to={back.to} label={back.label} />
      <h1 id={id}>
        <UserText>{title}</UserText>{' '}
        <span className={status.className ?? 'pill'} data-testid={status.testId} data-status={status.value}>
          {status.label}
        </span>
      </h1>
    </>
  );
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <p>
      <Link to={to}>← {label}</Link>
    </p>
  );
}
