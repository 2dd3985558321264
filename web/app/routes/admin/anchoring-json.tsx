// GET /admin/anchoring.json — the indexer's health for the admin page's live refresh (ADMIN only).

export { loader } from './anchoring-json.server';
