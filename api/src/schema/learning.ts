// Learning (courses, resources, question banks, quizzes, attempts, completions): the types,
// queries and mutations live beside their rules in learning/.
import '../learning/schema/types.js';
import '../learning/schema/queries.js';
import '../learning/schema/mutations.js';
