// A vote's tally: counts per option (bars drawn with CSS, the numbers in text), ballots cast of
// those entitled, quorum, outcome, and the Merkle root committing to the ballots — verified.
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import { tallyProvenFields, type TallyNode, type VoteNode } from '../lib/votes';
import { ProofStatus } from './ProofStatus';
import { UserText } from './UserText';

export function VoteTally({ vote, tally }: { vote: VoteNode; tally: TallyNode }) {
  const t = useT();
  const v = t.votes;
  const counts = new Map(tally.results.map((r) => [r.optionId, r]));
  const max = Math.max(1, ...tally.results.map((r) => r.count));
  const yesNo = (b: boolean | null) => (b === null ? v.notApplicable : b ? v.yes : v.no);
  return (
    <article className="card" aria-labelledby="tally-title" data-testid="tally">
      <h2 id="tally-title">
        {v.tally}{' '}
        {tally.passed !== null ? (
          <span className={tally.passed ? 'badge badge-pass' : 'badge badge-fail'} data-testid="tally-outcome">
            {tally.passed ? v.carried : v.rejected}
          </span>
        ) : null}
      </h2>
      <ProofStatus
        proof={tally.proof}
        fields={tallyProvenFields(tally)}
        what={`${v.tally} ${t.me.versionN(tally.version)}`}
        downloadHref={`/proof/VoteTally/${tally.id}/${tally.version}`}
      />
      <dl className="facts">
        <div className="fact">
          <dt>{v.ballotsCast}</dt>
          <dd data-testid="tally-cast">
            {tally.ballotsCast} / {tally.eligibleCount}
          </dd>
        </div>
        <div className="fact">
          <dt>{v.quorumMet}</dt>
          <dd data-testid="tally-quorum">{yesNo(tally.quorumMet)}</dd>
        </div>
        <div className="fact">
          <dt>{v.passed}</dt>
          <dd>{yesNo(tally.passed)}</dd>
        </div>
        <div className="fact">
          <dt>{v.ballotsRoot}</dt>
          <dd>
            <code className="break" data-testid="tally-root">
              {tally.ballotsRoot ?? '—'}
            </code>
          </dd>
        </div>
        <div className="fact">
          <dt>{v.rules}</dt>
          <dd>
            {v.quorum[vote.quorumRule] ?? vote.quorumRule}；{v.majority[vote.majorityRule] ?? vote.majorityRule}
          </dd>
        </div>
        <div className="fact">
          <dt>{v.talliedAt}</dt>
          <dd>{formatDateTime(tally.talliedAt)}</dd>
        </div>
      </dl>
      <table className="table tally-table" data-testid="tally-table">
        <caption className="visually-hidden">{v.tally}</caption>
        <thead>
          <tr>
            <th scope="col">{v.options}</th>
            <th scope="col" className="num">
              {v.count}
            </th>
            <th scope="col">
              <span className="visually-hidden">{v.count}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {vote.options.map((o) => {
            const r = counts.get(o.id);
            const n = r?.count ?? 0;
            return (
              <tr key={o.id} data-option={o.label}>
                <th scope="row">
                  <UserText>{o.label}</UserText> {r?.elected ? <span className="pill pill-pass">{v.elected}</span> : null}
                </th>
                <td className="num" data-testid="option-count">
                  {n}
                </td>
                <td className="bar-cell" aria-hidden="true">
                  <span className="tally-bar" style={{ width: `${Math.round((n / max) * 100)}%` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
