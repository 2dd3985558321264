// Liveness of the web server itself (the stack's readiness probe); it does not call the API.

export { loader } from './healthz.server';
