// Writes api/schema.graphql (see src/codegen/print-schema.ts) and the error-code list in
// api/README.md (src/codegen/error-codes.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { withErrorCodes } from '../src/codegen/error-codes.js';
import { renderSchema } from '../src/codegen/print-schema.js';

const out = new URL('../schema.graphql', import.meta.url);
writeFileSync(out, renderSchema());
process.stdout.write(`wrote ${out.pathname}\n`);
const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withErrorCodes(readFileSync(readme, 'utf8')));
process.stdout.write(`wrote the error codes in ${readme.pathname}\n`);
process.exit(0);
