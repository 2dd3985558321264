// Member import: CSV or .xlsx (upload, in whatever encoding Excel wrote it) or pasted CSV → a dry
// run that checks every row and writes nothing → the import itself, enabled only when no row has
// an error, which writes all rows or none. Members already on record are left out; a likely
// duplicate (same name and birth date) too, unless the secretary ticks it as a different person.
import { useEffect, useState } from 'react';
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/members-import';
import { Options, unitChoices } from '../components/SelectField';
import { useLocale, useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { decodeUpload, type FileEncoding } from '../lib/decode.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { ApiError, type FieldError } from '../lib/graphql.server';
import { headerOf, readImportCsv, type ImportField, type ImportRow } from '../lib/import';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';
import { unitOptions } from '../lib/units.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.imports.title);

const IMPORT = `mutation ImportMembers($unitId: ID!, $rows: [MemberImportRow!]!, $dryRun: Boolean!, $confirmRows: [Int!]) {
  importMembers(unitId: $unitId, rows: $rows, dryRun: $dryRun, confirmRows: $confirmRows) {
    dryRun written total okCount errorCount skippedCount
    rows { row ok skipped duplicateOfRow duplicateOfMemberId likelyDuplicateOfMemberId memberId errors { field message messageZh } }
  }
}`;

const ENCODINGS: readonly FileEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'xlsx'];

interface RowResult {
  row: number;
  ok: boolean;
  duplicateOfRow: number | null;
  duplicateOfMemberId: string | null;
  likelyDuplicateOfMemberId: string | null;
  skipped: boolean;
  memberId: string | null;
  errors: FieldError[];
}
interface ImportResult {
  dryRun: boolean;
  written: boolean;
  total: number;
  okCount: number;
  errorCount: number;
  skippedCount: number;
  rows: RowResult[];
}

type ActionResult =
  | { kind: 'file'; problem: string; detail: string; csv: string; unitId: string }
  | { kind: 'checked'; csv: string; unitId: string; encoding: FileEncoding | null; columns: ImportField[]; rows: ImportRow[]; result: ImportResult }
  | { kind: 'api'; csv: string; unitId: string; error: ErrorPayload; fields: FieldError[] };

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.membersImport);
  const units = await unitOptions(ctx);
  // Members belong to branches and groups only.
  return { units: units.filter((u) => u.kind === 'BRANCH' || u.kind === 'GROUP') };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.membersImport);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const unitId = String(form.get('unitId') ?? '');
  const file = form.get('file');
  let csv = String(form.get('csv') ?? '');
  // The import step posts the previewed text back; the format is only shown again.
  let encoding = intent === 'import' ? (ENCODINGS.find((e) => e === form.get('encoding')) ?? null) : null;
  if (intent === 'preview' && file instanceof File && file.size > 0) {
    const decoded = await decodeUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return data<ActionResult>({ kind: 'file', problem: decoded.problem, detail: decoded.detail, csv, unitId }, { status: 400 });
    ({ text: csv, encoding } = decoded);
  }
  const confirmRows = intent === 'import' ? form.getAll('confirm').map(Number).filter((n) => Number.isInteger(n) && n > 0) : [];
  if (!csv.trim()) return data<ActionResult>({ kind: 'file', problem: 'no-input', detail: '', csv, unitId }, { status: 400 });
  const read = readImportCsv(csv);
  if (!read.ok) return data<ActionResult>({ kind: 'file', problem: read.problem, detail: read.detail, csv, unitId }, { status: 400 });
  try {
    const r = await ctx.call<{ importMembers: ImportResult }>(IMPORT, { unitId, rows: read.rows, dryRun: intent !== 'import', confirmRows });
    return data<ActionResult>({ kind: 'checked', csv, unitId, encoding, columns: read.columns, rows: read.rows, result: r.importMembers });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 409].includes(error.status)) {
      return data<ActionResult>({ kind: 'api', csv, unitId, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}

export default function MembersImport() {
  const t = useT();
  const locale = useLocale();
  const { units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
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
          {t.imports.columnsHint}
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
        <article className="card" aria-labelledby="import-preview-title" data-testid="import-result">
          <h2 id="import-preview-title">{t.imports.status}</h2>
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
        </article>
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
    <div className="table-wrap">
      <table className="table import-table" data-testid="import-table">
        <caption className="visually-hidden">{t.imports.status}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t.imports.row}
            </th>
            <th scope="col">{t.imports.status}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {headerOf(c)}
              </th>
            ))}
            <th scope="col">{t.imports.errors}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}
