// A vote's tally: counts per option (bars drawn with CSS, the numbers in text), ballots cast of
// those entitled, quorum, outcome, and the Merkle root committing to the ballots — verified.
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import { tallyProvenFields, type TallyNode, type VoteNode } from '../lib/votes';
import { Fact } from './Facts';
import { ProofStatus } from './ProofStatus';
import { TableHead } from './TableCard';
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
        <Fact label={v.ballotsCast} valueTestId="tally-cast">
          {tally.ballotsCast} / {tally.eligibleCount}
        </Fact>
        <Fact label={v.quorumMet} valueTestId="tally-quorum">{yesNo(tally.quorumMet)}</Fact>
        <Fact label={v.passed}>{yesNo(tally.passed)}</Fact>
        <Fact label={v.ballotsRoot}>
          <code className="break" data-testid="tally-root">
            {tally.ballotsRoot ?? '—'}
          </code>
        </Fact>
        <Fact label={v.rules}>
          {v.quorum[vote.quorumRule] ?? vote.quorumRule}；{v.majority[vote.majorityRule] ?? vote.majorityRule}
        </Fact>
        <Fact label={v.talliedAt}>{formatDateTime(tally.talliedAt)}</Fact>
      </dl>
      <table className="table tally-table" data-testid="tally-table">
        <caption className="visually-hidden">{v.tally}</caption>
        <TableHead columns={[v.options, { label: v.count, num: true }, { label: v.count, hidden: true }]} />
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
