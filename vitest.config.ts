import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// One project per test tier; package.json runs each tier with its own script.
export default defineConfig({
  // Node loads graphql's CommonJS build for Apollo Server; Vite would give test code the
  // .mjs build. Two copies of graphql break `instanceof GraphQLError` (errors lose their
  // code and HTTP status) and schema checks ("from another module or realm"): use one.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'neo4j',
          include: ['tests/neo4j/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // One Neo4j for the tier, and each file wipes it: files must not run side by side.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
