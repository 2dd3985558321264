// A proven record as people read it: what it is, the time it states, when it was written to the
// chain, and its fields as a table in the page's language (field names and enum values through
// the app's label maps; an unknown field shows its key, small). The proof is about the anchoring
// time: the record's own date is only what the record says.
import type { ProofBundle } from '@lianjian/verify';
import { useT } from '../i18n/use-t';
import { fieldValue, recordFieldRows } from '../lib/verification';
import { formatDateTime } from '../lib/format';

export function RecordFacts({ bundle, proven }: { bundle: ProofBundle; proven: boolean }) {
  const t = useT();
  const v = t.verify;
  const doc = bundle.document;
  return (
    <>
      {proven ? null : (
        <p className="muted" data-testid="record-unproven">
          {v.unproven}
        </p>
      )}
      <dl className="facts" data-testid="record-facts">
        <div className="fact">
          <dt>{v.recordType}</dt>
          <dd data-type={doc.type}>{v.types[doc.type] ?? doc.type}</dd>
        </div>
        <div className="fact" data-testid="record-anchor-time">
          <dt>{v.anchorTime}</dt>
          <dd>{bundle.anchor ? formatDateTime(bundle.anchor.time) : v.notAnchored}</dd>
        </div>
        <div className="fact" data-testid="record-stated-time">
          <dt>{v.statedTime}</dt>
          <dd>
            {formatDateTime(doc.at)}
            {proven ? (
              <>
                <br />
                <span className="muted small">{v.statedTimeHint}</span>
              </>
            ) : null}
          </dd>
        </div>
        <div className="fact">
          <dt>{v.version}</dt>
          <dd>{doc.version}</dd>
        </div>
      </dl>
    </>
  );
}

export function RecordTable({ data }: { data: Record<string, unknown> }) {
  const t = useT();
  const v = t.verify;
  const rows = recordFieldRows(data, v.fields);
  return (
    <div className="table-wrap card">
      <table className="table" data-testid="record-table">
        <caption>{v.data}</caption>
        <thead>
          <tr>
            <th scope="col">{v.field}</th>
            <th scope="col">{v.value}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const value = fieldValue(r.key, r.value, t);
            return (
              <tr key={r.key} data-field={r.key}>
                <th scope="row" className={r.label === null ? 'mono small' : undefined}>
                  {r.label ?? r.key}
                </th>
                <td className={value.raw ? 'mono small break' : undefined}>{value.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
