// Member import: CSV (upload or paste) → a dry run that checks every row and writes nothing →
// the import itself, enabled only when no row has an error, which writes all rows or none.
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/members-import';
import { Options, unitChoices } from '../components/SelectField';
import { useLocale, useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { ApiError, type FieldError } from '../lib/graphql.server';
import { headerOf, readImportCsv, type ImportField, type ImportRow } from '../lib/import';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';
import { unitOptions } from '../lib/units.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.imports.title);

const IMPORT = `mutation ImportMembers($unitId: ID!, $rows: [MemberImportRow!]!, $dryRun: Boolean!) {
  importMembers(unitId: $unitId, rows: $rows, dryRun: $dryRun) {
    dryRun written total okCount errorCount
    rows { row ok duplicateOfRow duplicateOfMemberId memberId errors { field message messageZh } }
  }
}`;

interface RowResult {
  row: number;
  ok: boolean;
  duplicateOfRow: number | null;
  duplicateOfMemberId: string | null;
  memberId: string | null;
  errors: FieldError[];
}
interface ImportResult {
  dryRun: boolean;
  written: boolean;
  total: number;
  okCount: number;
  errorCount: number;
  rows: RowResult[];
}

type ActionResult =
  | { kind: 'file'; problem: string; detail: string; csv: string; unitId: string }
  | { kind: 'checked'; csv: string; unitId: string; columns: ImportField[]; rows: ImportRow[]; result: ImportResult }
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
  const fileText = file instanceof File && file.size > 0 ? await file.text() : '';
  const csv = intent === 'preview' && fileText ? fileText : String(form.get('csv') ?? '');
  if (!csv.trim()) return data<ActionResult>({ kind: 'file', problem: 'no-input', detail: '', csv, unitId }, { status: 400 });
  const read = readImportCsv(csv);
  if (!read.ok) return data<ActionResult>({ kind: 'file', problem: read.problem, detail: read.detail, csv, unitId }, { status: 400 });
  try {
    const r = await ctx.call<{ importMembers: ImportResult }>(IMPORT, { unitId, rows: read.rows, dryRun: intent !== 'import' });
    return data<ActionResult>({ kind: 'checked', csv, unitId, columns: read.columns, rows: read.rows, result: r.importMembers });
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
  const canImport = checked !== null && checked.result.dryRun && checked.result.errorCount === 0;
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
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" />
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
          {checked.result.written ? (
            <div className="banner banner-pass" role="status" data-testid="import-done">
              <p className="banner-title">{t.imports.done(checked.result.total)}</p>
              <p>
                <Link to={`/members?under=${encodeURIComponent(checked.unitId)}`}>{t.imports.viewMembers}</Link>
              </p>
            </div>
          ) : (
            <div className={`banner ${checked.result.errorCount ? 'banner-fail' : 'banner-skip'}`} role="status" data-testid="import-summary">
              <p className="banner-title">{t.imports.summary(checked.result.total, checked.result.okCount, checked.result.errorCount)}</p>
              <p>{checked.result.dryRun ? t.imports.nothingWritten : t.imports.failedAll}</p>
            </div>
          )}
          <PreviewTable columns={checked.columns} rows={checked.rows} results={checked.result.rows} />
          {!checked.result.written ? (
            <Form method="post" encType="multipart/form-data" className="import-go">
              <input type="hidden" name="unitId" value={checked.unitId} />
              <input type="hidden" name="csv" value={checked.csv} />
              {pending === 'import' ? (
                <p role="status" className="notice" data-testid="import-progress">
                  <progress aria-label={t.imports.importing(checked.result.total)} /> {t.imports.importing(checked.result.total)}
                </p>
              ) : null}
              {!canImport ? (
                <p className="muted" id="import-blocked">
                  {t.imports.blocked}
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
                {t.imports.import(checked.result.total)}
              </button>
            </Form>
          ) : null}
        </article>
      ) : null}
    </section>
  );
}

function PreviewTable({ columns, rows, results }: { columns: ImportField[]; rows: ImportRow[]; results: RowResult[] }) {
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
            return (
              <tr key={r.row} className={r.ok ? undefined : 'import-row-bad'} data-row={r.row} data-ok={r.ok}>
                <th scope="row" className="num">
                  {r.row}
                </th>
                <td>{r.ok ? <span className="badge badge-pass">{t.imports.ok}</span> : <span className="badge badge-fail">{t.imports.error}</span>}</td>
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
                  {r.duplicateOfMemberId ? (
                    <Link to={`/members/${r.duplicateOfMemberId}`} className="badge badge-skip">
                      {t.imports.duplicateMember} · {t.imports.viewMember}
                    </Link>
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
