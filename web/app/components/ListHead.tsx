// The top of a list page: its title, the button that starts a new item (for those who may), and
// a line saying what the list holds.
import { Link } from 'react-router';

export function ListHead({
  id,
  title,
  intro,
  create,
}: {
  /** The heading's id, which the page's section is labelled by. */
  id: string;
  title: string;
  intro: string;
  /** Null when the viewer may not create one. */
  create: { to: string; label: string; testId: string } | null;
}) {
  return (
    <>
      <div className="page-head">
        <h1 id={id}>{title}</h1>
        {create ? (
          <Link to={create.to} className="btn btn-primary" data-testid={create.testId}>
            {create.label}
          </Link>
        ) : null}
      </div>
      <p className="lead">{intro}</p>
    </>
  );
}
