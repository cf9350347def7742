/**
 * The module boundaries hold against every way round them: a package's subpaths, its
 * extensions, relative paths into a store, `import()`, and vitest in production code. Each
 * refusal names the way in. Runs the real ESLint on the project's own eslint.config.js.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FENCE_RULES = new Set([
  'no-restricted-imports',
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-syntax',
]);
const eslint = new ESLint({ cwd: ROOT });

/** The fence messages ESLint gives `code` as if it were the file at `file` (relative to the root). */
async function fenceMessages(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && FENCE_RULES.has(m.ruleId)).map((m) => m.message);
}

interface Case {
  readonly file: string;
  readonly code: string;
  /** A fragment of the message: the way in it names. */
  readonly wayIn: string;
}

const REFUSED: readonly Case[] = [
  { file: 'server/src/services/x.ts', code: `import 'neo4j-driver';`, wayIn: 'create-store.ts' },
  { file: 'server/src/services/x.ts', code: `import 'neo4j-driver/lib/driver.js';`, wayIn: 'create-store.ts' },
  { file: 'server/src/api/x.ts', code: `export { default } from 'kuzu/index.js';`, wayIn: 'create-store.ts' },
  { file: 'server/src/services/x.ts', code: `await import('kuzu');`, wayIn: 'create-store.ts' },
  { file: 'client/src/ui/x.ts', code: `import 'cytoscape/dist/cytoscape.esm.mjs';`, wayIn: 'canvas-handle.ts' },
  { file: 'client/src/ui/x.ts', code: `import type { Core } from 'cytoscape';`, wayIn: 'canvas-handle.ts' },
  { file: 'client/src/ui/x.ts', code: `import 'cytoscape-fcose';`, wayIn: 'canvas-handle.ts' },
  { file: 'server/src/services/x.ts', code: `import '../store/kuzu/KuzuStore.ts';`, wayIn: 'store/ports/' },
  { file: 'server/src/api/resolvers/x.ts', code: `import '../../store/neo4j/Neo4jStore.ts';`, wayIn: 'store/ports/' },
  { file: 'server/src/store/kuzu/x.ts', code: `import '../neo4j/runner.ts';`, wayIn: 'Move what both need' },
  { file: 'server/src/store/neo4j/x.ts', code: `import 'kuzu';`, wayIn: 'create-store.ts' },
  { file: 'server/src/services/x.ts', code: `import { describe } from 'vitest';`, wayIn: 'tests/support/' },
  { file: 'server/src/store/contract/suite.ts', code: `import 'vitest';`, wayIn: 'tests/support/' },
];

const ALLOWED: readonly Omit<Case, 'wayIn'>[] = [
  { file: 'server/src/store/neo4j/x.ts', code: `import 'neo4j-driver';` },
  { file: 'server/src/store/kuzu/x.ts', code: `import 'kuzu';` },
  { file: 'server/src/store/kuzu/process/x.ts', code: `import '../KuzuStore.ts';` },
  { file: 'server/src/store/create-store.ts', code: `import './kuzu/KuzuStore.ts'; import './neo4j/Neo4jStore.ts';` },
  { file: 'client/src/canvas/x.ts', code: `import 'cytoscape/dist/cytoscape.esm.mjs'; import 'cytoscape-fcose';` },
  { file: 'server/src/services/x.ts', code: `import '../store/ports/GraphReads.ts';` },
  { file: 'server/src/services/x.test.ts', code: `import { describe } from 'vitest';` },
  { file: 'client/src/ui/x.test.tsx', code: `import { it } from 'vitest';` },
  { file: 'tests/support/x.ts', code: `import 'vitest'; import '../../server/src/store/kuzu/KuzuStore.ts';` },
];

describe('lint fences', () => {
  it.each(REFUSED)('refuses $code in $file, naming the way in', async ({ file, code, wayIn }) => {
    const messages = await fenceMessages(code, file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(wayIn);
  });

  it.each(ALLOWED)('lets $code through in $file', async ({ file, code }) => {
    expect(await fenceMessages(code, file)).toEqual([]);
  });
});
