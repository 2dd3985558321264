// GET /proof/:type/:id/:version — one record version's proof bundle as a file
// (application/vnd.lianjian.proof+json), fetched with the signed-in person's own access.

export { loader } from './proof-download.server';
