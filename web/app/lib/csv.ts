// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; a cell that a spreadsheet
// would run as a formula (=, +, -, @) is prefixed with an apostrophe.
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a byte-order mark, so that spreadsheet programs read the Chinese as UTF-8. */
export function toCsv(rows: unknown[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Parses RFC 4180 CSV (quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF
 * line ends; a leading byte-order mark is dropped). Blank lines are skipped. Returns the rows of
 * cells, or the 1-based line of an unterminated quote. `delimiter` is a tab for Excel's "Unicode
 * text", which separates cells that way.
 */
export function parseCsv(text: string, delimiter = ','): { rows: string[][] } | { error: 'unterminated-quote'; line: number } {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += c;
  }
  if (quoted) return { error: 'unterminated-quote', line: quoteLine };
  if (cell !== '' || row.length > 0) endRow();
  return { rows };
}

/** A tab when the first line has more tabs than commas (Excel's "Unicode text"), else a comma. */
export function delimiterOf(text: string): ',' | '\t' {
  const first = text.slice(0, text.search(/\r|\n|$/));
  return first.split('\t').length > first.split(',').length ? '\t' : ',';
}
