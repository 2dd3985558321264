// GraphQL Code Generator: types for every document the web app sends, from the API's printed
// schema (docs/decisions/010-web-graphql-types.md). `npm run codegen -w @lianjian/web` writes
// app/graphql/; web/test/graphql-types.test.ts fails when that output is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  // Documents are `graphql(`…`)` calls; only server modules send them.
  documents: ['app/**/*.server.ts', '!app/graphql/**'],
  ignoreNoDocuments: false,
  generates: {
    'app/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents are sent as text (apiRequest posts a string), typed with TypedDocumentString.
        documentMode: 'string',
        enumsAsTypes: true,
        futureProofEnums: false,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: {
          Date: { input: 'string', output: 'string' },
          DateTime: { input: 'string', output: 'string' },
          JSON: { input: 'unknown', output: 'Record<string, unknown>' },
        },
      },
    },
  },
  silent: true,
};

export default config;
