// Notices (通知公告 / 党务公开): the notice and receipt types, the reader's and the publisher's
// lists, and publishing, reading, confirming, reminding and withdrawing. Rules: ../service.ts.
import './types.js';
import './queries.js';
import './mutations.js';
