// GET /me/points/proofs.json — the entries my points total counts, each with its proof bundle,
// for the browser to verify and add up itself (routes/me-points.tsx). The list of entries comes
// from memberPointsTotal; their bundles from my own ledger, page by page.

export { loader } from './points-proofs.server';
