import type { CodegenConfig } from '@graphql-codegen/cli';

// The client's operation types, generated from the server's SDL and the client's documents
// (the /* GraphQL */ strings in src/api/operations.ts and src/investigations/operations.ts). `npm run codegen -- --check` fails when stale.
const config: CodegenConfig = {
  schema: ['../server/src/api/schema.graphql', '../server/src/api/investigations.graphql'],
  documents: ['src/api/operations.ts', 'src/api/volume-operations.ts', 'src/investigations/operations.ts'],
  generates: {
    'src/api/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: {
        skipTypename: true,
        immutableTypes: true,
        // Nullable fields arrive as null, never absent; optional variables may be left out.
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        enumsAsTypes: true,
        scalars: { ID: 'string', JSON: { input: 'unknown', output: '{ readonly [key: string]: unknown }' } },
      },
    },
  },
};
export default config;
