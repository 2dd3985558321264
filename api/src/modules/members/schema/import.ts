// importMembers: a roster from a spreadsheet, checked row by row, then written all-or-nothing.
import { builder } from '../../../graphql/builder.js';
import type { FieldError } from '../../../shared/errors.js';
import { IMPORT_FIELDS, importMembers, MAX_IMPORT_ROWS, type ImportResult, type RowResult } from '../import.js';

const MemberImportRowInput = builder.inputType('MemberImportRow', {
  description:
    'One spreadsheet row, cells as text. Enumerations accept the code or the Chinese label (男/女, 大学本科, 预备党员…); dates are YYYY-MM-DD.',
  fields: (t) => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, t.string()])) as Record<(typeof IMPORT_FIELDS)[number], ReturnType<typeof t.string>>,
});

const ImportFieldError = builder.objectRef<FieldError>('ImportFieldError').implement({
  description: 'A problem with one cell of an imported row',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The MemberImportRow field (column)' }),
    message: t.exposeString('message'),
    messageZh: t.exposeString('messageZh'),
  }),
});

const ImportRowResult = builder.objectRef<RowResult>('MemberImportRowResult').implement({
  fields: (t) => ({
    row: t.exposeInt('row', { description: '1-based position in `rows`' }),
    ok: t.exposeBoolean('ok'),
    errors: t.field({ type: [ImportFieldError], resolve: (r) => r.errors }),
    duplicateOfRow: t.exposeInt('duplicateOfRow', { nullable: true, description: 'An earlier row of the same call with the same ID number' }),
    duplicateOfMemberId: t.exposeID('duplicateOfMemberId', {
      nullable: true,
      description: 'The member in your scope who already has this ID number. A number someone outside your scope has is not reported: the row passes as a new one would, and the level above both decides (identityHolds)',
    }),
    likelyDuplicateOfMemberId: t.exposeID('likelyDuplicateOfMemberId', {
      nullable: true,
      description: 'A member in your scope with the same name and birth date (and no other ID number on file): perhaps the same person. Skipped unless the row is in confirmRows',
    }),
    skipped: t.exposeBoolean('skipped', {
      description: 'Not imported: the member on record (duplicateOfMemberId with the same name), or a likely duplicate not confirmed',
    }),
    memberId: t.exposeID('memberId', { nullable: true, description: 'The new member (only when written)' }),
  }),
});

const ImportResultRef = builder.objectRef<ImportResult>('MemberImportResult').implement({
  fields: (t) => ({
    dryRun: t.exposeBoolean('dryRun'),
    written: t.exposeBoolean('written', { description: 'Whether the members were created: all rows, or none' }),
    total: t.exposeInt('total'),
    okCount: t.exposeInt('okCount'),
    errorCount: t.exposeInt('errorCount'),
    skippedCount: t.exposeInt('skippedCount', { description: 'Rows without errors that are (or would be) left out as duplicates' }),
    rows: t.field({ type: [ImportRowResult], resolve: (r) => r.rows }),
  }),
});

builder.mutationField('importMembers', (t) =>
  t.field({
    type: ImportResultRef,
    description:
      `Imports members into a branch or group of your subtree (ADMIN, SECRETARY). Each row is checked as createMember checks input, ` +
      `and for duplicate ID numbers in the file and among members of your scope. dryRun: true only reports; false writes every row with its ` +
      `record in one transaction — or, if any row has an error, nothing. At most ${MAX_IMPORT_ROWS} rows per call; the distinct ID numbers ` +
      `count against your daily identity lookup limit (RATE_LIMITED beyond it). A row that is a member already on record (same ID number and ` +
      `name) is skipped, so importing a file twice adds no one twice; so is a likely duplicate (same name and birth date) unless its row ` +
      `number is in confirmRows.`,
    args: {
      unitId: t.arg.id({ required: true }),
      rows: t.arg({ type: [MemberImportRowInput], required: true }),
      dryRun: t.arg.boolean({ required: true }),
      confirmRows: t.arg.intList({ required: false, description: 'Rows (1-based) whose likely duplicate you checked: a different person, import them' }),
    },
    authScopes: { writer: true },
    resolve: (_r, args, ctx) => importMembers(ctx, String(args.unitId), args.rows, args.dryRun, args.confirmRows ?? []),
  }),
);
