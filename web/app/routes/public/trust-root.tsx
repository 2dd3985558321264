// GET /trust-root.json: the organisation's root of trust that this site's verifier uses, as the
// web server was given it at deploy time (the same file works with `lianjian-verify --trust`).

export { loader } from './trust-root.server';
