// GET /dashboard/export.csv?unit=…&from=…&to=…&figure=… — one dashboard figure as CSV (UTF-8 with
// BOM), the same table the page shows under its chart. Without `figure`: composition by stage of
// the unit and of each sub-unit (one row each), the export the dashboard's header offers.

export { loader } from './export-csv.server';
