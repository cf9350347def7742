import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Boundaries: one seam per external system. Each rule's message says what to do instead.
const onlyIn = (pkg, where) => ({
  name: pkg,
  message: `Only ${where} may import ${pkg}. Go through the GraphStore port (server/src/store/GraphStore.ts) or the canvas components instead.`,
});

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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            onlyIn('kuzu', 'server/src/store/kuzu'),
            onlyIn('neo4j-driver', 'server/src/store/neo4j'),
            onlyIn('cytoscape', 'client/src/canvas'),
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/store/kuzu/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [onlyIn('neo4j-driver', 'server/src/store/neo4j'), onlyIn('cytoscape', 'client/src/canvas')] },
      ],
    },
  },
  {
    files: ['server/src/store/neo4j/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [onlyIn('kuzu', 'server/src/store/kuzu'), onlyIn('cytoscape', 'client/src/canvas')] },
      ],
    },
  },
  {
    files: ['client/src/canvas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [onlyIn('kuzu', 'server/src/store/kuzu'), onlyIn('neo4j-driver', 'server/src/store/neo4j')] },
      ],
    },
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
    rules: { 'no-restricted-imports': 'off' },
  },
);
