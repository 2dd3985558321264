// A proven record as people read it: what it is, the time it states, when it was written to the
// chain, and its fields as a table in the page's language (field names and enum values through
// the app's label maps; an unknown field shows its key, small). The proof is about the anchoring
// time: the record's own date is only what the record says.
import type { ProofBundle } from '@lianjian/verify';
import { useT } from '../i18n/use-t';
import { fieldValue, recordFieldRows } from '../lib/verification';
import { formatDateTime } from '../lib/format';
import { Fact } from './Facts';
import { TableCard } from './TableCard';

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
        <Fact label={v.recordType} valueProps={{ 'data-type': doc.type }}>{v.types[doc.type] ?? doc.type}</Fact>
        <Fact label={v.anchorTime} testId="record-anchor-time">{bundle.anchor ? formatDateTime(bundle.anchor.time) : v.notAnchored}</Fact>
        <Fact label={v.statedTime} testId="record-stated-time">
          {formatDateTime(doc.at)}
          {proven ? (
            <>
              <br />
              <span className="muted small">{v.statedTimeHint}</span>
            </>
          ) : null}
        </Fact>
        <Fact label={v.version}>{doc.version}</Fact>
      </dl>
    </>
  );
}

export function RecordTable({ data }: { data: Record<string, unknown> }) {
  const t = useT();
  const v = t.verify;
  const rows = recordFieldRows(data, v.fields);
  return (
    <TableCard testId="record-table" caption={v.data} showCaption columns={[v.field, v.value]}>
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
    </TableCard>
  );
}
