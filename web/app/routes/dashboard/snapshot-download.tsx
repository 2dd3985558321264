// GET /snapshots/:id/download.json — the snapshot's proof bundle with every input and its proof
// as one file, which the public verify page (or anyone's own code) checks independently.

export { loader } from './snapshot-download.server';
