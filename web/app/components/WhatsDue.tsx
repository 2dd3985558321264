// "What's due" on the member's first screen: open votes I can still cast, my next meetings and
// the required courses I have not completed, each a link to the page where I act on it.
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';
import { usePortalT } from '../lib/portal-text';

export interface DueVote {
  id: string;
  title: string;
  closesAt: string | null;
}
export interface DueMeeting {
  id: string;
  title: string;
  startsAt: string;
  location: string | null;
}
export interface DueCourse {
  id: string;
  title: string;
}
export interface Due {
  votes: DueVote[];
  meetings: DueMeeting[];
  courses: DueCourse[];
  moreCourses: number;
}

export function WhatsDue({ due }: { due: Due }) {
  const p = usePortalT();
  const d = p.due;
  const empty = due.votes.length === 0 && due.meetings.length === 0 && due.courses.length === 0;
  return (
    <article className="card whats-due" aria-labelledby="due-title" data-testid="whats-due">
      <h2 id="due-title">{d.title}</h2>
      {empty ? (
        <p className="empty">{d.none}</p>
      ) : (
        <ul className="due-list">
          {due.votes.map((v) => (
            <li key={`v-${v.id}`} data-kind="vote">
              <span className="pill">{d.vote}</span>{' '}
              <Link to={`/votes/${v.id}`} data-due="vote">
                <bdi>{v.title}</bdi>
              </Link>
              <span className="muted small"> · {v.closesAt ? d.closes(formatDateTime(v.closesAt)) : d.castNow}</span>
            </li>
          ))}
          {due.meetings.map((m) => (
            <li key={`m-${m.id}`} data-kind="meeting">
              <span className="pill">{d.meeting}</span>{' '}
              <Link to={`/meetings/${m.id}`} data-due="meeting">
                <bdi>{m.title}</bdi>
              </Link>
              <span className="muted small">
                {' '}
                · {formatDateTime(m.startsAt)}
                {m.location ? <> · <bdi>{m.location}</bdi></> : ''}
              </span>
            </li>
          ))}
          {due.courses.map((c) => (
            <li key={`c-${c.id}`} data-kind="course">
              <span className="pill">{d.course}</span>{' '}
              <Link to={`/learning/courses/${c.id}`} data-due="course">
                <bdi>{c.title}</bdi>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {due.moreCourses > 0 ? (
        <p className="small">
          <Link to="/learning">{d.moreCourses(due.moreCourses)}</Link>
        </p>
      ) : null}
    </article>
  );
}
