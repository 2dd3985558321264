// My learning record: the courses I completed and my quiz attempts with their scores, each
// verified in the browser with its proof downloadable. Two lists, paged separately (c…/a…).
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/learning';
import { MemberOnly, PortalList, PortalPage, PortalRecord } from '../../components/Portal';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import { proofHref } from '../../lib/portal';
import type { loader } from './learning.server';
import { attemptProof } from '../../lib/learning';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.learning.myTitle);

export { loader } from './learning.server';

export default function MyLearning() {
  const t = useT();
  const l = t.learning;
  const { data } = useLoaderData<typeof loader>();
  return (
    <PortalPage id="my-learning-title" title={l.myTitle}>
      <MemberOnly data={data}>
        {(data) => (
          <div className="grid-2">
            <article className="card" aria-labelledby="completions-title">
              <h2 id="completions-title">
                {l.completions} <span className="muted small">({data.courseCompletions.totalCount})</span>
              </h2>
              <PortalList list={data.courseCompletions} testId="completions" none={l.completionsNone} pager={{ prefix: 'c', label: l.completions }}>
                {(c) => (
                  <PortalRecord
                    key={c.id}
                    kind="CourseCompletion"
                    title={<Link to={`/learning/courses/${c.course.id}`}><bdi>{c.course.title}</bdi></Link>}
                    pill={<span className="pill">{l.classHours(c.classHours)}</span>}
                    facts={[
                      { label: l.completion, value: formatDateTime(c.completedAt) },
                      ...(c.score !== null ? [{ label: l.score, value: `${c.score}%` }] : []),
                    ]}
                    proof={c.proof}
                    fields={{ courseId: c.course.id, classHours: c.classHours, score: c.score, completedAt: c.completedAt }}
                    what={l.completionWhat(c.course.title)}
                    downloadHref={proofHref('CourseCompletion', c.id, c.version, c.proof)}
                  />
                )}
              </PortalList>
            </article>
            <article className="card" aria-labelledby="attempts-title">
              <h2 id="attempts-title">
                {l.attempts} <span className="muted small">({data.myQuizAttempts.totalCount})</span>
              </h2>
              <PortalList list={data.myQuizAttempts} testId="attempts" none={l.attemptsNone} pager={{ prefix: 'a', label: l.attempts }}>
                {(a) => (
                  <PortalRecord
                    key={a.id}
                    kind="QuizAttempt"
                    title={<Link to={`/learning/attempts/${a.id}`}>{isolatedIn((x) => l.attemptTitle(x, a.attemptNo), a.quiz.title)}</Link>}
                    pill={
                      a.status === 'SUBMITTED' ? (
                        <span className={`pill ${a.passed ? 'pill-pass' : 'pill-fail'}`}>{a.passed ? l.passed : l.failed}</span>
                      ) : (
                        <span className="pill pill-skip">{l.statusLabel[a.status] ?? a.status}</span>
                      )
                    }
                    facts={[
                      ...(a.score !== null ? [{ label: l.result, value: l.scoreLine(a.score, a.maxScore) }] : []),
                      { label: a.finishedAt ? l.finishedAt : l.startedAt, value: formatDateTime(a.finishedAt ?? a.startedAt) },
                    ]}
                    {...attemptProof(a, l.attemptWhat(a.quiz.title, a.attemptNo))}
                  />
                )}
              </PortalList>
            </article>
          </div>
        )}
      </MemberOnly>
    </PortalPage>
  );
}
