// GET /dues/export.xlsx?year=… — the finance office's dues report as an Excel workbook: the rows
// of the API's CSV, amounts as numbers in yuan (two decimals), categories by their names.

export { loader } from './export-xlsx.server';
