// Server side of import.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/import';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../../lib/auth.server';
import { decodeUpload, type FileEncoding } from '../../lib/decode.server';
import { ApiError } from '../../lib/graphql.server';
import { readImportCsv } from '../../lib/import';
import { PAGE_ROLES } from '../../lib/roles';
import { unitOptions } from '../../lib/units.server';
import { graphql } from '../../graphql';
import type { ActionResult } from './import';

const IMPORT = graphql(`mutation ImportMembers($unitId: ID!, $rows: [MemberImportRow!]!, $dryRun: Boolean!, $confirmRows: [Int!]) {
  importMembers(unitId: $unitId, rows: $rows, dryRun: $dryRun, confirmRows: $confirmRows) {
    dryRun written total okCount errorCount skippedCount
    rows { row ok skipped duplicateOfRow duplicateOfMemberId likelyDuplicateOfMemberId memberId errors { field message messageZh } }
  }
}`);

const ENCODINGS: readonly FileEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'xlsx'];

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
    const r = await ctx.call(IMPORT, { unitId, rows: read.rows, dryRun: intent !== 'import', confirmRows });
    return data<ActionResult>({ kind: 'checked', csv, unitId, encoding, columns: read.columns, rows: read.rows, result: r.importMembers });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 409].includes(error.status)) {
      return data<ActionResult>({ kind: 'api', csv, unitId, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}
