// "What's due" on the member's first screen: open votes I can still cast, my next meetings and
// the required courses I have not completed, each a link to the page where I act on it.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';
import { usePortalT } from '../lib/portal-text';
import { Card } from './Card';

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
    <Card titleId="due-title" title={d.title} className="whats-due" testId="whats-due">
      {empty ? (
        <p className="empty">{d.none}</p>
      ) : (
        <ul className="due-list">
          {due.votes.map((v) => (
            <DueItem key={`v-${v.id}`} kind="vote" label={d.vote} to={`/votes/${v.id}`} title={v.title}>
              <span className="muted small"> · {v.closesAt ? d.closes(formatDateTime(v.closesAt)) : d.castNow}</span>
            </DueItem>
          ))}
          {due.meetings.map((m) => (
            <DueItem key={`m-${m.id}`} kind="meeting" label={d.meeting} to={`/meetings/${m.id}`} title={m.title}>
              <span className="muted small">
                {' '}
                · {formatDateTime(m.startsAt)}
                {m.location ? <> · <bdi>{m.location}</bdi></> : ''}
              </span>
            </DueItem>
          ))}
          {due.courses.map((c) => (
            <DueItem key={`c-${c.id}`} kind="course" label={d.course} to={`/learning/courses/${c.id}`} title={c.title} />
          ))}
        </ul>
      )}
      {due.moreCourses > 0 ? (
        <p className="small">
          <Link to="/learning">{d.moreCourses(due.moreCourses)}</Link>
        </p>
      ) : null}
    </Card>
  );
}

/** One thing due: what kind it is, its title linking to where I act on it, and when. */
function DueItem({ kind, label, to, title, children }: { kind: string; label: string; to: string; title: string; children?: ReactNode }) {
  return (
    <li data-kind={kind}>
      <span className="pill">{label}</span>{' '}
      <Link to={to} data-due={kind}>
        <bdi>{title}</bdi>
      </Link>
      {children}
    </li>
  );
}
