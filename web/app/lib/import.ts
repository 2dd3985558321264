// Member import files: the columns (Chinese headers, as the template has them; the API's field
// names work too), the template, and turning parsed CSV rows into the API's MemberImportRow.
import { delimiterOf, parseCsv, toCsv } from './csv';

export const IMPORT_COLUMNS = [
  ['name', '姓名', true],
  ['gender', '性别', true],
  ['birthDate', '出生日期', true],
  ['ethnicity', '民族', true],
  ['education', '学历', true],
  ['stage', '阶段', false],
  ['appliedOn', '申请入党日期', false],
  ['activistSince', '确定积极分子日期', false],
  ['candidateSince', '确定发展对象日期', false],
  ['probationarySince', '接收预备党员日期', false],
  ['fullMemberSince', '转正日期', false],
  ['nationalId', '身份证号码', false],
  ['phone', '联系电话', false],
  ['occupation', '职业', false],
  ['nativePlace', '籍贯', false],
  ['address', '家庭住址', false],
] as const;

export type ImportField = (typeof IMPORT_COLUMNS)[number][0];
export type ImportRow = Partial<Record<ImportField, string>>;

/** The API accepts this many rows per call (api/src/members/import.ts). */
export const MAX_IMPORT_ROWS = 1000;

const BY_HEADER = new Map<string, ImportField>(IMPORT_COLUMNS.flatMap(([field, zh]) => [[zh, field], [field.toLowerCase(), field]] as const));

export function headerOf(field: string): string {
  return IMPORT_COLUMNS.find(([f]) => f === field)?.[1] ?? field;
}

export function templateCsv(): string {
  return toCsv([
    IMPORT_COLUMNS.map(([, zh]) => zh),
    ['张伟', '男', '1990-05-17', '汉族', '大学本科', '正式党员', '2012-03-01', '', '', '', '2014-07-01', '', '13800000000', '教师', '北京', ''],
  ]);
}

export type ReadResult =
  | { ok: true; rows: ImportRow[]; columns: ImportField[] }
  | { ok: false; problem: 'empty' | 'unterminated-quote' | 'unknown-columns' | 'missing-columns' | 'too-many-rows'; detail: string };

/** The rows of a CSV file (or tab-separated text) as MemberImportRow objects, or what is wrong with the file as a whole. */
export function readImportCsv(text: string): ReadResult {
  const parsed = parseCsv(text, delimiterOf(text));
  if ('error' in parsed) return { ok: false, problem: 'unterminated-quote', detail: String(parsed.line) };
  const [header, ...body] = parsed.rows;
  if (!header || body.length === 0) return { ok: false, problem: 'empty', detail: '' };
  const columns = header.map((h) => BY_HEADER.get(h.trim()) ?? BY_HEADER.get(h.trim().toLowerCase()) ?? null);
  const unknown = header.filter((_, i) => columns[i] === null && header[i]!.trim() !== '');
  if (unknown.length > 0) return { ok: false, problem: 'unknown-columns', detail: unknown.join('、') };
  const missing = IMPORT_COLUMNS.filter(([f, , required]) => required && !columns.includes(f)).map(([, zh]) => zh);
  if (missing.length > 0) return { ok: false, problem: 'missing-columns', detail: missing.join('、') };
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, problem: 'too-many-rows', detail: String(body.length) };
  const rows = body.map((cells) => {
    const row: ImportRow = {};
    columns.forEach((f, i) => {
      const v = cells[i]?.trim();
      if (f && v) row[f] = v;
    });
    return row;
  });
  return { ok: true, rows, columns: columns.filter((c): c is ImportField => c !== null) };
}
