// Partner webhooks (#22 item 7): a partner key's endpoints, signed event deliveries and their log.
// Rules: ../service.ts; the event scans and the dispatcher: ../outbox.ts, ../dispatcher.ts.
import './types.js';
import './queries.js';
import './mutations.js';
