// GET /snapshots/:id/inputs.json?after=… — one page of a snapshot's inputs with their proofs, for
// the browser's verification (the first page also carries the snapshot's own proof).

export { loader } from './snapshot-inputs.server';
