// Writes api/schema.graphql (see src/codegen/print-schema.ts).
import { writeFileSync } from 'node:fs';
import { renderSchema } from '../src/codegen/print-schema.js';

const out = new URL('../schema.graphql', import.meta.url);
writeFileSync(out, renderSchema());
process.stdout.write(`wrote ${out.pathname}\n`);
process.exit(0);
