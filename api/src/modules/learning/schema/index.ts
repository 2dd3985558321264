// Learning (courses, resources, question banks, quizzes, attempts, completions): the types,
// queries and mutations live beside their rules in learning/.
import './types.js';
import './queries.js';
import './mutations.js';
