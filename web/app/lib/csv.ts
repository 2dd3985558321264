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
