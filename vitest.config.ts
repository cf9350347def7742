import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Integration files that build their store through tests/support/store-under-test.ts, so they run on both stores. */
const ON_BOTH_STORES = [
  'access-informant-leak',
  'access-matrix',
  'access-purpose',
  'api',
  'api-auth',
  'api-demo',
  'audit-alerts',
  'audit-completeness',
  'audit-coverage-check',
  'audit-fail-closed',
  'audit-refusals',
  'import-fixtures',
  'redflags',
  'redflags-demo',
  'redflags-book',
  'redflags-scan-limit',
  'neighbourhood-hub-cap',
  'read-volume',
  'refusal-floods',
].map((name) => `tests/integration/${name}.test.ts`);

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
          // The store-agnostic integration files run here unchanged, on the real Neo4j that
          // `npm run test:neo4j` starts; one database, so one file at a time.
          include: ['tests/neo4j/**/*.test.ts', ...ON_BOTH_STORES],
          env: { MAILLON_TEST_STORE: 'neo4j' },
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        // The explorer's main flow once more, with the server on Neo4j (scripts/neo4j-tier.mjs runs it after `neo4j`).
        test: {
          name: 'neo4j-e2e',
          include: ['tests/e2e/explorer.test.ts'],
          env: { MAILLON_TEST_STORE: 'neo4j' },
          testTimeout: 180_000,
          hookTimeout: 240_000,
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
