// GET /files/:sha256 — an attached file, downloaded with the signed-in person's own access
// (lib/attachments.server.ts): always as an attachment, never a page. The notice page fetches it
// and checks its SHA-256 against the proven record itself (components/Attachments.tsx).

export { loader } from './download.server';
