/**
 * "After an import, expansions and paths answer DB_UNAVAILABLE while the
 * adjacency snapshot is rebuilt in full": an import that only adds is applied to
 * the built snapshot before it returns, and the result is the snapshot a fresh
 * build gives (compared as canonical adjacency: nodes, relationships by type,
 * ends and ref, and every node's neighbours). An import that deletes is not.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../server/src/generator/index.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import { createLogger } from '../../server/src/logger.ts';
import { REL_TYPES } from '../../server/src/model/index.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import type { AdjacencySnapshot } from '../../server/src/store/traversal/AdjacencySnapshot.ts';
import { tempDataDir } from './import-helpers.ts';

const meta: TxMeta = { user: 'snapshot-test', operation: 'importCypher' };
const logger = createLogger('snapshot-extend-test');
logger.level = 'warn';
const EVERY_TYPE = new Uint8Array(REL_TYPES.length).fill(1);

/** The generated network's statements, split where its relationship batches are half done. */
function networkHalves(): [string, string] {
  let script = '';
  generateNetwork({ people: 120, seed: 5, sink: (text) => (script += text) });
  const statements = script.split(/;\n/).filter((s) => s.trim() !== '');
  const firstRel = statements.findIndex((s) => s.includes('MATCH'));
  const cut = firstRel + Math.floor((statements.length - firstRel) / 2);
  const join = (part: string[]) => part.map((s) => `${s};\n`).join('');
  return [join(statements.slice(0, cut)), join(statements.slice(cut))];
}

function canonical(snapshot: AdjacencySnapshot) {
  const nodes: string[] = [];
  const relationships: string[] = [];
  const neighbours: string[] = [];
  const describe = (rel: number): string => {
    const r = snapshot.relationship(rel);
    return `${snapshot.idOf(r.source)}-${r.type}->${snapshot.idOf(r.target)}#${r.ref}`;
  };
  for (let node = 0; node < snapshot.nodeCount; node++) {
    const id = snapshot.idOf(node);
    nodes.push(`${id}:${snapshot.labelOf(node)}`);
    const around: string[] = [];
    snapshot.forEachNeighbour(node, EVERY_TYPE, (other, rel) =>
      around.push(`${snapshot.idOf(other)} ${describe(rel)}`),
    );
    neighbours.push(`${id}: ${around.sort().join(', ')}`);
  }
  for (let rel = 0; rel < snapshot.relationshipCount; rel++) relationships.push(describe(rel));
  return { nodes: nodes.sort(), relationships: relationships.sort(), neighbours: neighbours.sort() };
}

/** Waits for the store's snapshot, asking for an expansion so that a lazy store starts building it. */
async function builtSnapshot(store: KuzuStore): Promise<AdjacencySnapshot> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const snapshot = store.adjacencySnapshot();
    if (snapshot) return snapshot;
    await store.neighbourhood({ seeds: ['p-1'], depth: 1, limit: 1, perNodeLimit: 1 }, { hiddenRelTypes: [] }, meta);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the adjacency snapshot was not built');
}

async function freshSnapshotOf(dataDir: string) {
  const store = new KuzuStore({ dataDir, logger, bufferPoolMb: 256 });
  try {
    return canonical(await builtSnapshot(store));
  } finally {
    await store.close();
  }
}

describe('an import applied to the adjacency snapshot', () => {
  const dataDir = tempDataDir();
  let store: KuzuStore;
  const [first, second] = networkHalves();
  beforeAll(async () => {
    store = new KuzuStore({ dataDir, logger, bufferPoolMb: 256, eagerSnapshot: true });
    await store.ensureSchema();
    expect(await runImport(store, { script: first, dryRun: false, meta })).toMatchObject({ ok: true });
    await builtSnapshot(store);
  }, 240_000);
  afterAll(async () => {
    await store.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is there when the import returns, and equals a snapshot built afresh', async () => {
    const before = store.adjacencySnapshot()?.relationshipCount ?? 0;
    const report = await runImport(store, { script: second, dryRun: false, meta });
    expect(report).toMatchObject({ ok: true });
    expect(report.relationshipsCreated).toBeGreaterThan(50);
    // Extended, not dropped for a rebuild: no expansion after the import waits or falls back.
    const extended = store.adjacencySnapshot();
    expect(extended?.relationshipCount).toBe(before + report.relationshipsCreated);
    const ours = canonical(extended as AdjacencySnapshot);
    await store.close();
    expect(ours).toEqual(await freshSnapshotOf(dataDir));
    store = new KuzuStore({ dataDir, logger, bufferPoolMb: 256, eagerSnapshot: true });
  }, 240_000);

  it('is built afresh after an import that deletes, without what was deleted', async () => {
    await builtSnapshot(store);
    const report = await runImport(store, {
      script: "MATCH (p:Person {id: 'p-2'}) DETACH DELETE p;\nCREATE (:Person {id: 'p-late', name: 'Late'});\n",
      dryRun: false,
      meta,
    });
    expect(report).toMatchObject({ ok: true });
    const rebuilt = canonical(await builtSnapshot(store));
    expect(rebuilt.nodes).toContain('p-late:Person');
    expect(rebuilt.nodes).not.toContain('p-2:Person');
    expect(rebuilt.relationships.filter((r) => r.includes('p-2-') || r.includes('>p-2#'))).toEqual([]);
  }, 240_000);

  it('lets expansions and paths answer during an import and right after it, with what it added', async () => {
    const built = await builtSnapshot(store);
    const persons = Array.from({ length: built.nodeCount }, (_, node) => built.idOf(node)).filter((id) =>
      /^p-\d+$/.test(id),
    );
    const [near = '', far = ''] = [persons[3], persons[40]];
    const people = Array.from({ length: 2000 }, (_, i) => `{id: 'late-${i}', name: 'Late ${i}'}`);
    const ties = Array.from(
      { length: 2000 },
      (_, i) => `{a: 'late-${i}', b: '${persons[i % 100]}', id: 'r-late-${i}'}`,
    );
    const script =
      `UNWIND [${people.join(', ')}] AS row CREATE (p:Person {id: row.id, name: row.name});\n` +
      `UNWIND [${ties.join(', ')}] AS row MATCH (a:Person {id: row.a}), (b:Person {id: row.b}) ` +
      'CREATE (a)-[:ASSOCIATE_OF {id: row.id}]->(b);\n';
    const scope = { hiddenRelTypes: [] };
    let done = false;
    const importing = runImport(store, { script, dryRun: false, meta }).finally(() => (done = true));
    const failures: string[] = [];
    let answered = 0;
    const ask = async () => {
      const around = await store.neighbourhood({ seeds: [near], depth: 2, limit: 50, perNodeLimit: 20 }, scope, meta);
      const paths = await store.shortestPaths({ from: near, to: far, maxLength: 6, limit: 5 }, scope, meta);
      if (around.nodes.length > 0 && paths.kind === 'paths') answered++;
      // Answers served from memory never yield: let the import's own I/O run between two.
      await new Promise((resolve) => setImmediate(resolve));
    };
    while (!done) await ask().catch((error: unknown) => failures.push(String(error)));
    expect(await importing).toMatchObject({ ok: true, relationshipsCreated: 2000 });
    await ask().catch((error: unknown) => failures.push(String(error)));
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(1);
    const around = await store.neighbourhood({ seeds: ['late-7'], depth: 1, limit: 10, perNodeLimit: 10 }, scope, meta);
    expect(around.relationships.map((r) => r.id)).toEqual(['r-late-7']);
    const found = await store.shortestPaths(
      { from: 'late-7', to: persons[7] ?? '', maxLength: 3, limit: 5 },
      scope,
      meta,
    );
    expect(found.kind === 'paths' ? found.paths.map((p) => p.relationships.map((r) => r.id)) : found).toEqual([
      ['r-late-7'],
    ]);
  }, 240_000);
});
