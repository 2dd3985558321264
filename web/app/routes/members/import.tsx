// Member import: CSV or .xlsx (upload, in whatever encoding Excel wrote it) or pasted CSV → a dry
// run that checks every row and writes nothing → the import itself, enabled only when no row has
// an error, which writes all rows or none. Members already on record are left out; a likely
// duplicate (same name and birth date) too, unless the secretary ticks it as a different person.
import { useEffect, useState } from 'react';
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/import';
import { Card } from '../../components/Card';
import { Options, unitChoices } from '../../components/SelectField';
import { TableCard } from '../../components/TableCard';
import { codesMarked } from '../../components/UserText';
import { useLocale, useT } from '../../i18n/use-t';
import type { FileEncoding } from '../../lib/decode.server';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import type { FieldError } from '../../lib/graphql.server';
import { headerOf, type ImportField, type ImportRow } from '../../lib/import';
import { titleFor } from '../../lib/meta';
import type { loader, action } from './import.server';
import type { ImportMembersMutation } from '../../graphql/graphql';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.imports.title);

export { loader, action } from './import.server';

/** The API's answer to an import (a dry run or the write), as GraphQL Code Generator types it. */
export type ImportResult = ImportMembersMutation['importMembers'];
export type RowResult = ImportResult['rows'][number];

export type ActionResult =
  | { kind: 'file'; problem: string; detail: string; csv: string; unitId: string }
  | { kind: 'checked'; csv: string; unitId: string; encoding: FileEncoding | null; columns: ImportField[]; rows: ImportRow[]; result: ImportResult }
  | { kind: 'api'; csv: string; unitId: string; error: ErrorPayload; fields: FieldError[] };

export default function MembersImport() {
  const t = useT();
  const locale = useLocale();
  const { units } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionResult>();
  const navigation = useNavigation();
  const pending = navigation.state === 'submitting' ? String(navigation.formData?.get('intent') ?? '') : '';
  const checked = result?.kind === 'checked' ? result : null;
  // Likely duplicates ticked as different people; a new preview starts with none.
  const [confirmed, setConfirmed] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => setConfirmed(new Set()), [checked]);
  const toImport = checked ? checked.result.rows.filter((r) => r.ok && (!r.skipped || (r.likelyDuplicateOfMemberId && confirmed.has(r.row)))).length : 0;
  const canImport = checked !== null && checked.result.dryRun && checked.result.errorCount === 0 && toImport > 0;
  const written = checked ? checked.result.rows.filter((r) => r.memberId).length : 0;
  const msg = (e: FieldError) => (locale === 'zh-CN' ? e.messageZh : e.message);
  return (
    <section className="page import-page" aria-labelledby="import-title">
      <h1 id="import-title">{t.imports.title}</h1>
      <p className="muted">{t.imports.intro}</p>
      <p>
        <a href="/members/import/template.csv" download className="btn btn-quiet" data-testid="import-template">
          {t.imports.template}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" className="form card" aria-describedby="import-hint">
        <label htmlFor="import-unit">{t.imports.unit}</label>
        <select id="import-unit" name="unitId" required defaultValue={result?.unitId ?? units[0]?.id}>
          <Options choices={unitChoices(units)} />
        </select>
        {result?.kind === 'api' && result.fields.some((f) => f.field === 'unitId') ? (
          <p className="field-error" role="alert">
            {result.fields.filter((f) => f.field === 'unitId').map(msg).join(' ')}
          </p>
        ) : null}
        <label htmlFor="import-file">{t.imports.file}</label>
        <input id="import-file" name="file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <label htmlFor="import-csv">{t.imports.paste}</label>
        <textarea id="import-csv" name="csv" rows={6} className="mono" defaultValue={result?.csv ?? ''} key={result?.csv ?? ''} spellCheck={false} />
        <p id="import-hint" className="muted small">
          {codesMarked(t.imports.columnsHint)}
        </p>
        <button type="submit" name="intent" value="preview" className="btn btn-primary" disabled={pending !== ''} data-testid="import-preview">
          {pending === 'preview' ? t.imports.checking : t.imports.preview}
        </button>
      </Form>

      {result?.kind === 'file' ? (
        <p className="form-error" role="alert" data-testid="import-file-error">
          {(t.imports.problems[result.problem] ?? ((d: string) => d))(result.detail)}
        </p>
      ) : null}
      {result?.kind === 'api' ? (
        <p className="form-error" role="alert">
          {localMessage(result.error, locale)}
        </p>
      ) : null}

      {checked ? (
        <Card titleId="import-preview-title" title={t.imports.status} testId="import-result">
          {checked.encoding ? (
            <p className="muted" data-testid="import-encoding" data-encoding={checked.encoding}>
              {t.imports.encoding(t.imports.encodings[checked.encoding] ?? checked.encoding)}
            </p>
          ) : null}
          {checked.result.written ? (
            <div className="banner banner-pass" role="status" data-testid="import-done">
              <p className="banner-title">{t.imports.done(written)}</p>
              {checked.result.skippedCount ? <p>{t.imports.doneSkipped(checked.result.skippedCount)}</p> : null}
              <p>
                <Link to={`/members?under=${encodeURIComponent(checked.unitId)}`}>{t.imports.viewMembers}</Link>
              </p>
            </div>
          ) : (
            <div className={`banner ${checked.result.errorCount ? 'banner-fail' : 'banner-skip'}`} role="status" data-testid="import-summary">
              <p className="banner-title">{t.imports.summary(checked.result.total, checked.result.okCount, checked.result.errorCount)}</p>
              {checked.result.skippedCount ? <p>{t.imports.skippedSummary(checked.result.skippedCount)}</p> : null}
              <p>{checked.result.dryRun ? t.imports.nothingWritten : checked.result.errorCount ? t.imports.failedAll : t.imports.nothingToImport}</p>
            </div>
          )}
          <PreviewTable
            columns={checked.columns}
            rows={checked.rows}
            results={checked.result.rows}
            confirmable={checked.result.dryRun}
            confirmed={confirmed}
            onConfirm={(row, yes) => setConfirmed((s) => new Set([...s].filter((r) => r !== row).concat(yes ? [row] : [])))}
          />
          {!checked.result.written ? (
            <Form method="post" encType="multipart/form-data" className="import-go" id="import-go-form">
              <input type="hidden" name="unitId" value={checked.unitId} />
              <input type="hidden" name="csv" value={checked.csv} />
              {checked.encoding ? <input type="hidden" name="encoding" value={checked.encoding} /> : null}
              {pending === 'import' ? (
                <p role="status" className="notice" data-testid="import-progress">
                  <progress aria-label={t.imports.importing(toImport)} /> {t.imports.importing(toImport)}
                </p>
              ) : null}
              {!canImport ? (
                <p className="muted" id="import-blocked">
                  {checked.result.dryRun && checked.result.errorCount === 0 ? t.imports.nothingToImport : t.imports.blocked}
                </p>
              ) : null}
              <button
                type="submit"
                name="intent"
                value="import"
                className="btn btn-primary"
                disabled={!canImport || pending !== ''}
                aria-describedby={!canImport ? 'import-blocked' : undefined}
                data-testid="import-go"
              >
                {t.imports.import(toImport)}
              </button>
            </Form>
          ) : null}
        </Card>
      ) : null}
    </section>
  );
}

interface PreviewProps {
  columns: ImportField[];
  rows: ImportRow[];
  results: RowResult[];
  /** Whether likely duplicates can still be ticked for the import step. */
  confirmable: boolean;
  confirmed: ReadonlySet<number>;
  onConfirm: (row: number, yes: boolean) => void;
}

function PreviewTable({ columns, rows, results, confirmable, confirmed, onConfirm }: PreviewProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <TableCard testId="import-table" frame="table-wrap" className="table import-table" caption={t.imports.status} columns={[{ label: t.imports.row, num: true }, t.imports.status, ...columns.map(headerOf), t.imports.errors]}>
      {results.map((r) => {
        const bad = new Set(r.errors.map((e) => e.field));
        const row = rows[r.row - 1] ?? {};
        const likely = r.ok && r.likelyDuplicateOfMemberId !== null;
        const skipped = r.skipped && !(likely && confirmed.has(r.row));
        return (
          <tr key={r.row} className={r.ok ? undefined : 'import-row-bad'} data-row={r.row} data-ok={r.ok} data-skipped={skipped}>
            <th scope="row" className="num">
              {r.row}
            </th>
            <td>
              {!r.ok ? (
                <span className="badge badge-fail">{t.imports.error}</span>
              ) : skipped ? (
                <span className="badge badge-skip">{t.imports.skipped}</span>
              ) : (
                <span className="badge badge-pass">{t.imports.ok}</span>
              )}
            </td>
            {columns.map((c) => (
              <td key={c} className={bad.has(c) ? 'import-cell-bad' : undefined}>
                {row[c] ?? ''}
              </td>
            ))}
            <td>
              {r.errors.length ? (
                <ul className="import-errors">
                  {r.errors.map((e, i) => (
                    <li key={i}>
                      <strong>{headerOf(e.field)}</strong>：{locale === 'zh-CN' ? e.messageZh : e.message}
                    </li>
                  ))}
                </ul>
              ) : null}
              {r.duplicateOfRow ? <span className="badge badge-skip">{t.imports.duplicateRow(r.duplicateOfRow)}</span> : null}
              {r.duplicateOfMemberId && r.ok ? <p className="small" data-testid="import-on-record">{t.imports.onRecord}</p> : null}
              {r.duplicateOfMemberId ? (
                <Link to={`/members/${r.duplicateOfMemberId}`} className="badge badge-skip">
                  {t.imports.duplicateMember} · {t.imports.viewMember}
                </Link>
              ) : null}
              {likely ? (
                <div data-testid="import-likely-duplicate">
                  <p className="small">{t.imports.likelyDuplicate}</p>
                  <Link to={`/members/${r.likelyDuplicateOfMemberId}`} className="badge badge-skip">
                    {t.imports.viewMember}
                  </Link>
                  {confirmable ? (
                    <label className="small">
                      <input
                        type="checkbox"
                        name="confirm"
                        value={r.row}
                        form="import-go-form"
                        checked={confirmed.has(r.row)}
                        onChange={(e) => onConfirm(r.row, e.currentTarget.checked)}
                      />{' '}
                      {t.imports.confirmImport}
                    </label>
                  ) : null}
                </div>
              ) : null}
            </td>
          </tr>
        );
      })}
    </TableCard>
  );
}
