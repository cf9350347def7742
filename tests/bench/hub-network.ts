/**
 * A network the generator does not make: people tied by ASSOCIATE_OF only, about
 * five ties each, a twentieth of them to a handful of hub persons (issue 13 found
 * 2-hop expansions 15.8x the raw query on such a network, against 0.3-0.55x on the
 * generator's). Deterministic from the seed, every node and tie sourced to the
 * synthetic document, loaded with COPY FROM and finished by the store like the
 * generator's large datasets, cached under .tmp/bench/ (git-ignored).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { personName } from '../../server/src/generator/names.ts';
import { Random } from '../../server/src/generator/random.ts';
import { CopyRowCollector } from './copy-rows.ts';
import { loadWithCopy, ROOT, type Dataset } from './datasets.ts';
import { progress } from './types.ts';

export interface HubShape {
  readonly people: number;
  /** Ties a person is in, on average (each tie counts for both its ends). */
  readonly tiesPerPerson: number;
  readonly hubs: number;
  /** Share of all ties that have a hub at one end. */
  readonly hubShare: number;
}

/** The network issue 13 measured. */
export const HUB_SHAPE: HubShape = { people: 50_000, tiesPerPerson: 5, hubs: 20, hubShare: 0.05 };

const SOURCES = ['doc-synthetic'];

/** Hubs spread over the id range, so that id order (the per-node cap's order) does not favour them. */
export function hubIds(shape: HubShape): string[] {
  const step = Math.floor(shape.people / shape.hubs);
  return Array.from({ length: shape.hubs }, (_, i) => `p-${(i + 1) * step}`);
}

export function writeHubNetwork(shape: HubShape, seed: number, dir: string) {
  const rng = new Random(seed);
  const rows = new CopyRowCollector();
  rows.node('Document', {
    id: 'doc-synthetic',
    name: 'Synthetic hub network (fictional)',
    title: 'Generated test data: every person and tie in it is synthetic and fictional',
    publisher: 'Maillon bench',
    sources: SOURCES,
  });
  for (let i = 1; i <= shape.people; i++)
    rows.node('Person', { id: `p-${i}`, name: personName(rng), sources: SOURCES });

  const hubs = hubIds(shape);
  const hubSet = new Set(hubs);
  const ordinary = (): string => {
    for (;;) {
      const id = `p-${rng.int(1, shape.people)}`;
      if (!hubSet.has(id)) return id;
    }
  };
  const total = Math.round((shape.people * shape.tiesPerPerson) / 2);
  const toHubs = Math.round(total * shape.hubShare);
  const seen = new Set<string>();
  let relationships = 0;
  const tie = (a: string, b: string): boolean => {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) return false;
    seen.add(key);
    relationships++;
    rows.rel('ASSOCIATE_OF', a, b, { id: `r-${relationships}`, context: 'synthetic', sources: SOURCES });
    return true;
  };
  while (relationships < toHubs) tie(ordinary(), rng.pick(hubs));
  while (relationships < total) tie(ordinary(), ordinary());
  const copyFiles = rows.write(path.join(dir, 'csv'));
  return { copyFiles, nodes: shape.people + 1, relationships };
}

/** The hub network's store, built unless cached; `people` is the network's size. */
export async function ensureHubDataset(options: { seed: number; cacheDir: string }): Promise<Dataset> {
  const shape = HUB_SHAPE;
  const source = fs.readFileSync(import.meta.filename);
  const version = crypto.createHash('sha1').update(source).digest('hex').slice(0, 10);
  const dir = path.join(options.cacheDir, `hubs-${shape.people}-seed-${options.seed}-${version}`);
  const metaFile = path.join(dir, 'dataset.json');
  if (fs.existsSync(metaFile)) {
    progress(`hub network: cached in ${path.relative(ROOT, dir)}`);
    return JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Dataset;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  progress(`hub network: generating ${shape.people.toLocaleString('en')} people, ${shape.hubs} hubs`);
  const network = writeHubNetwork(shape, options.seed, dir);
  const dataDir = path.join(dir, 'data');
  const importSeconds = await loadWithCopy({ copyFiles: network.copyFiles, dataDir });
  const dataset: Dataset = {
    people: shape.people,
    seed: options.seed,
    dir,
    cypherFile: '',
    dataDir,
    copyFiles: network.copyFiles,
    nodes: network.nodes,
    relationships: network.relationships,
    statements: 0,
    importSeconds,
    loadedBy: 'copy',
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(metaFile, JSON.stringify(dataset, null, 2));
  return dataset;
}
