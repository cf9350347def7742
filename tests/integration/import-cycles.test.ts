/**
 * The layers of server/src point one way: no folder imports a folder that imports it back,
 * and no file is part of an import cycle. A cycle is how "the store imports the import's
 * lexer while the import imports the store" crept in; this names each one, e.g.
 * "import → store → import", with the file imports that close it.
 *
 * Imports are read with the TypeScript compiler's own pre-processor, so `import type`,
 * `export ... from` and `import()` count as much as plain imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/src');

type Graph = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative import of production code, as [importer, imported], both relative to server/src. */
function fileImports(): [string, string][] {
  return sourceFiles(SRC).flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    return importedFiles
      .filter((ref) => ref.fileName.startsWith('.'))
      .map((ref): [string, string] => [
        path.relative(SRC, file),
        path.relative(SRC, path.resolve(path.dirname(file), ref.fileName)),
      ]);
  });
}

/** The layer a file belongs to: its top folder under server/src, or the file itself at the top. */
function layerOf(file: string): string {
  return file.split(path.sep)[0] ?? file;
}

function graphOf(imports: readonly [string, string][], nodeOf: (file: string) => string): Graph {
  const graph: Graph = new Map();
  for (const [from, to] of imports) {
    const a = nodeOf(from);
    const b = nodeOf(to);
    if (a === b) continue;
    const out = graph.get(a) ?? new Map<string, string[]>();
    graph.set(a, out);
    out.set(b, [...(out.get(b) ?? []), `${from} imports ${to}`]);
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan). */
function tangles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (stack.includes(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) component.push(w);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * One shortest cycle through the component's first node, as "a → b → a" with the imports on
 * it, after the names of every node tangled with it (cutting one cycle may leave others).
 */
function describeCycle(graph: Graph, component: readonly string[]): string {
  const start = component[0] ?? '';
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0 && !cameFrom.has(start)) {
    const v = queue.shift() ?? '';
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!component.includes(w) || cameFrom.has(w)) continue;
      cameFrom.set(w, v);
      queue.push(w);
    }
  }
  const path = [start];
  for (let v = cameFrom.get(start); v !== undefined && v !== start; v = cameFrom.get(v)) path.unshift(v);
  path.unshift(start);
  const steps = path.slice(1).map((to, i) => graph.get(path[i] ?? '')?.get(to)?.[0] ?? '');
  return `${path.join(' → ')} (${steps.join('; ')}), in a tangle of ${component.join(', ')}`;
}

interface Tangle {
  readonly members: string;
  readonly cycle: string;
}

function tanglesOf(nodeOf: (file: string) => string): Tangle[] {
  const graph = graphOf(fileImports(), nodeOf);
  return tangles(graph).map((component) => ({ members: component.join(', '), cycle: describeCycle(graph, component) }));
}

describe('import cycles in server/src', () => {
  it('reads the imports it judges', () => {
    // A reader that found nothing would pass the checks below for the wrong reason.
    expect(fileImports()).toContainEqual([path.join('import', 'validate.ts'), path.join('import', 'model-check.ts')]);
  });

  it('has folders that point one way', () => {
    expect(tanglesOf(layerOf).map((t) => t.cycle)).toEqual([]);
  });

  it('has no file in an import cycle', () => {
    expect(tanglesOf((file) => file).map((t) => t.cycle)).toEqual([]);
  });
});
