// GET /events: the page's live updates (Server-Sent Events) — the API's stream, fetched with the
// session's token, which never reaches page scripts (events.server.ts).

export { loader } from './events.server';
