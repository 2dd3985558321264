// Writes src/generated/prisma-types.ts (see src/codegen/prisma-types.ts).
import { writeFileSync } from 'node:fs';
import { dmmf } from '@lianjian/db';
import { renderPrismaTypes } from '../src/codegen/prisma-types.js';

const out = new URL('../src/generated/prisma-types.ts', import.meta.url);
writeFileSync(out, renderPrismaTypes(dmmf));
process.stdout.write(`wrote ${out.pathname}\n`);
