// GET /dues/export.csv?year=… — the year's dues per member of the viewer's subtree (the API's
// duesReportCsv: UTF-8 with BOM, amounts in yuan), for the finance office.

export { loader } from './export-csv.server';
