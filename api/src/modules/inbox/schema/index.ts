// The inbox (issue #22): reminders of what is due, for the person who must act, and how they
// reach them by e-mail. Generation: ../reminders; e-mail: ../email.
import './types.js';
import './queries.js';
import './mutations.js';
