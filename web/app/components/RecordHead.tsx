// The top of one record's page: the way back to its list, and its title with its status.
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
      <p>
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1 id={id}>
        <UserText>{title}</UserText>{' '}
        <span className={status.className ?? 'pill'} data-testid={status.testId} data-status={status.value}>
          {status.label}
        </span>
      </h1>
    </>
  );
}
