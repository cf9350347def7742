/**
 * A loader for trusted, simple scripts (one statement per `;`-terminated line
 * group, `//` comments), used until the import pipeline validates scripts.
 */
import type { GraphStore, ImportStatement } from '../store/GraphStore.ts';
import type { ScriptLoader } from './seed-demo.ts';

export function splitSimpleScript(script: string): ImportStatement[] {
  const statements: ImportStatement[] = [];
  let buffer: string[] = [];
  let startLine = 0;
  script.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (buffer.length === 0 && (line === '' || line.startsWith('//'))) return;
    if (buffer.length === 0) startLine = index + 1;
    buffer.push(raw);
    if (line.endsWith(';')) {
      const cypher = buffer.join('\n').trim().replace(/;$/, '');
      statements.push({ index: statements.length + 1, cypher, line: startLine, column: 1 });
      buffer = [];
    }
  });
  return statements;
}

export function simpleLoader(store: GraphStore): ScriptLoader {
  return async ({ script, meta }) => {
    const statements = splitSimpleScript(script);
    try {
      const outcome = await store.runImport(statements, { dryRun: false, meta });
      return { ok: true, ...outcome, errors: [] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        statements: statements.length,
        nodesCreated: 0,
        relationshipsCreated: 0,
        errors: [{ statement: 0, line: 0, column: 0, message }],
      };
    }
  };
}
