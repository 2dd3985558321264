// Uploaded member files as text. Excel in China saves "CSV" in GB18030/GBK, not UTF-8, and
// "Unicode text" as UTF-16 with a byte-order mark; a workbook (.xlsx) is read from its first
// worksheet. Whatever came in leaves as CSV text, which the page keeps for the import step.
// Node's full ICU decodes GB18030 (a superset of GBK), so no codec library is needed.

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'xlsx';

export type DecodeResult =
  | { ok: true; text: string; encoding: FileEncoding }
  | { ok: false; problem: 'unsupported-file' | 'unreadable-xlsx'; detail: string };

const TEXT_EXTENSIONS = /\.(csv|txt|tsv)$/i;
const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

/** The text of CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: FileEncoding } {
  if (startsWith(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // Chinese text in GBK is almost never valid UTF-8, so a strict UTF-8 read tells them apart.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** CSV without csvCell's formula guard: the text goes back into our own parser, not a spreadsheet. */
const plainCsv = (rows: string[][]) => rows.map((r) => r.map((s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)).join(',')).join('\n');

/** A cell as the secretary sees it: dates as YYYY-MM-DD (exceljs gives them at UTC midnight). */
function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((p) => p.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    return '';
  }
  return String(value);
}

/** The first worksheet of an .xlsx workbook as rows of cell texts, or null if it cannot be read. */
export async function readXlsx(bytes: Uint8Array): Promise<string[][] | null> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = book.worksheets[0];
  if (!sheet) return null;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows.length ? rows : null;
}

/** An uploaded file as CSV text, or why it cannot be read: the name's extension decides how. */
export async function decodeUpload(name: string, bytes: Uint8Array): Promise<DecodeResult> {
  if (/\.xlsx$/i.test(name)) {
    const rows = startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) ? await readXlsx(bytes) : null;
    return rows ? { ok: true, text: plainCsv(rows), encoding: 'xlsx' } : { ok: false, problem: 'unreadable-xlsx', detail: name };
  }
  const utf16 = startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);
  // An old .xls or a workbook renamed to .csv would otherwise come out as garbled text.
  const binary = startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0) || (!utf16 && bytes.includes(0));
  if (!TEXT_EXTENSIONS.test(name) || binary) return { ok: false, problem: 'unsupported-file', detail: name };
  return { ok: true, ...decodeText(bytes) };
}
