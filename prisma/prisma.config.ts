// Prisma 7 CLI configuration. Only `prisma generate` runs here (scripts/prisma-generate.mjs):
// the native schema engine cannot be downloaded, so migrations are applied by src/migrate.ts and
// written with tools/migration-diff.mjs (Prisma's wasm schema engine).
import { defineConfig } from 'prisma/config';

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  ...(url ? { datasource: { url } } : {}),
});
