import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Boundaries: one seam per external system. A fence matches the package and every subpath of it
// (and relative paths into a store), and its message names the way in.
const FENCES = {
  kuzu: {
    regex: '^kuzu(/|$)',
    message:
      'Only server/src/store/kuzu imports kuzu. Elsewhere use a store port (server/src/store/ports/) and get the store from createStore (server/src/store/create-store.ts).',
  },
  neo4jDriver: {
    regex: '^neo4j-driver(/|$)',
    message:
      'Only server/src/store/neo4j imports neo4j-driver. Elsewhere use a store port (server/src/store/ports/) and get the store from createStore (server/src/store/create-store.ts).',
  },
  cytoscape: {
    regex: '^cytoscape(-[^/]+)?(/|$)',
    message:
      'Only client/src/canvas imports cytoscape and its extensions. Elsewhere render through GraphCanvas and read the canvas through CanvasHandle (client/src/canvas/canvas-handle.ts).',
  },
  storeInsides: {
    regex: '(^|/)store/(kuzu|neo4j)(/|$)',
    message:
      'Only server/src/store reaches into a store implementation. Elsewhere import a port (server/src/store/ports/, server/src/store/GraphStore.ts) and get the store from createStore (server/src/store/create-store.ts).',
  },
  // One store never borrows from the other: what both need lives beside them in server/src/store.
  neo4jFromKuzu: {
    regex: '^\\.\\./(\\.\\./)*neo4j(/|$)',
    message:
      'The Kùzu store does not import the Neo4j store. Move what both need to server/src/store (e.g. traversal/, search/).',
  },
  kuzuFromNeo4j: {
    regex: '^\\.\\./(\\.\\./)*kuzu(/|$)',
    message:
      'The Neo4j store does not import the Kùzu store. Move what both need to server/src/store (e.g. traversal/, search/).',
  },
};

// esquery reads a regex up to the next '/', so the selector spells '/' as \x2F.
const dynamicImportOf = ({ regex, message }) => ({
  selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/]`,
  message,
});

/** The fences as rules: static imports and exports, and `import()` of a literal path. */
const fenceRules = (names) => ({
  'no-restricted-imports': ['error', { patterns: names.map((name) => FENCES[name]) }],
  'no-restricted-syntax': ['error', ...names.map((name) => dynamicImportOf(FENCES[name]))],
});

/** Where each fence opens: later entries override earlier ones for the files they match. */
const AREAS = [
  { files: ['**/*.{js,mjs,ts,tsx}'], fences: ['kuzu', 'neo4jDriver', 'cytoscape', 'storeInsides'] },
  { files: ['server/src/store/**'], fences: ['kuzu', 'neo4jDriver', 'cytoscape'] },
  { files: ['server/src/store/kuzu/**'], fences: ['neo4jDriver', 'cytoscape', 'neo4jFromKuzu'] },
  { files: ['server/src/store/neo4j/**'], fences: ['kuzu', 'cytoscape', 'kuzuFromNeo4j'] },
  { files: ['client/src/canvas/**'], fences: ['kuzu', 'neo4jDriver', 'storeInsides'] },
  // Build scripts may read a store's own files (its schema statements), never its driver.
  { files: ['scripts/**'], fences: ['kuzu', 'neo4jDriver', 'cytoscape'] },
];

/** Test code: the only files that may import vitest. */
const TEST_FILES = ['**/*.test.{ts,tsx}', 'tests/**', 'vitest.config.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'tests/artifacts/**',
      'bench-results/**',
      '.tmp/**',
      // Written by `npm run codegen` (client/codegen.ts); `npm run codegen -- --check` keeps it current.
      'client/src/api/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // A rule of its own, so that test files lift it without lifting the boundaries.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^vitest(/|$)',
              message:
                'Only test files (*.test.ts, tests/) import vitest. Put test support under tests/support/, outside production code.',
            },
          ],
        },
      ],
    },
  },
  ...AREAS.map(({ files, fences }) => ({ files, rules: fenceRules(fences) })),
  {
    files: TEST_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['client/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Command-line tools, scripts and tests talk to a terminal.
    files: ['server/src/cli/**', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Test harnesses open the real stores directly to seed and inspect them.
    files: ['tests/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
);
