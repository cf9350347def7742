/**
 * Search on the demo data (cypher/seed) as a French investigator types it: the French name of a
 * body the reports name, and the typos the analysts' walk of issue 15 tried. Run on the embedded
 * store (tests/integration/search-demo.test.ts) and on Neo4j (tests/neo4j/search-neo4j.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runImport } from '../../server/src/import/run-import.ts';
import { SEED_DIR, seedFiles } from '../../server/src/seed/seed-demo.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { META } from './search-behaviour.ts';

export async function loadDemoData(store: GraphStore): Promise<void> {
  await store.ensureSchema();
  for (const file of seedFiles(SEED_DIR)) {
    const script = fs.readFileSync(file, 'utf8');
    const report = await runImport(store, { script, fileName: path.basename(file), dryRun: false, meta: META });
    if (!report.ok)
      throw new Error(`${path.basename(file)} did not load: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
}

const firstHit = async (store: GraphStore, text: string): Promise<string | undefined> =>
  (await store.search({ text, limit: 10 }, META))[0]?.entity.id;

/** `store()` gives a store loaded with the demo data. */
export function defineDemoSearchBehaviour(store: () => GraphStore): void {
  it.each([
    ['douane', 'agency-customs'],
    ['police aux frontieres', 'agency-border-police'],
    ['police aux frontières', 'agency-border-police'],
    ['Office anti-stupéfiants', 'agency-ofast'],
    ['OFAST', 'agency-ofast'],
    ['administration pénitentiaire', 'agency-prison-administration'],
    ['police nationale', 'agency-national-police'],
    ['inspection generale de la police nationale', 'agency-igpn'],
  ])('finds the French body under its French name: "%s" → %s', async (text, id) => {
    expect(await firstHit(store(), text)).toBe(id);
  });

  it('finds Hervé by a word of his description: "reservist" (issue 15), below any name', async () => {
    const hits = (await store().search({ text: 'reservist', limit: 10 }, META)).map((h) => [h.entity.id, h.score]);
    // His description says "police reservist"; the event's says "the reservist known as Hervé".
    expect(hits).toEqual([
      ['person-herve', 0.2],
      ['event-herve-revelations', 0.2],
    ]);
  });

  it('forgives the typos of the walk: "djeah" finds Mohamed Djeha, "mimmo" finds him by his alias Mimo', async () => {
    expect(await firstHit(store(), 'djeah')).toBe('person-mohamed-djeha');
    expect(await firstHit(store(), 'mimmo')).toBe('person-mohamed-djeha');
  });
}
