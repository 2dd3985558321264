// The SDL committed as api/schema.graphql: what partners read, and what the staleness test
// compares with the schema the code builds.
import { printSchema } from 'graphql';
import { schema } from '../schema.js';

export const SCHEMA_HEADER =
  '# Lianjian (链建) GraphQL schema. Generated from the Pothos builder by api/scripts/print-schema.ts:\n' +
  '# run `npm run schema -w @lianjian/api` after changing the schema. Do not edit.\n\n';

export function renderSchema(): string {
  return SCHEMA_HEADER + printSchema(schema) + '\n';
}
