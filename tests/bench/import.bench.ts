/**
 * Figure 3: `npm run import` of a generated network against Kùzu's `COPY FROM`
 * of the same rows (CSV written from the same generator pass), both into empty
 * stores, in this run. Reported as throughput, ours / COPY's (rows per second):
 * aim 0.05 or better. The CLI figure is wall clock of the whole command
 * (start-up, validation of every statement, one transaction); COPY's is the COPY
 * statements alone, so the comparison leans against us. A dry run of the same
 * file into another empty store is reported beside it (it must be as fast), and
 * each CLI run's peak resident memory (the CLI and its store process together).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyIntoEmpty } from './copy-rows.ts';
import { importWithCli, writeNetwork, type CliRun } from './datasets.ts';
import { openRawKuzu } from './raw-kuzu.ts';
import { round } from './stats.ts';
import { atLeast, progress, ratioRow, type BenchRow } from './types.ts';

const COUNT = `MATCH (n) WHERE label(n) <> 'MaillonAudit' AND label(n) <> 'MaillonUser'
  OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships`;

async function counts(dataDir: string): Promise<string> {
  const kuzu = openRawKuzu({ dataDir, bufferPoolMb: 512 });
  try {
    const [row] = await kuzu.query(COUNT);
    return `${row?.nodes} nodes, ${row?.relationships} relationships`;
  } finally {
    await kuzu.close();
  }
}

/** Each process's own peak as the CLI printed it, beside the sampled sum. */
const split = (run: CliRun): string => (run.peakSplit === undefined ? '' : `; each apart: ${run.peakSplit}`);

export async function benchImport(options: { people: number; seed: number }): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-bench-import-'));
  try {
    const network = writeNetwork({ ...options, dir });
    const rows = network.nodes + network.relationships;
    const size = `${options.people.toLocaleString('en')} people (${rows.toLocaleString('en')} rows, ${network.statements} statements)`;
    // The load average beside each figure: on a shared machine it explains more than the code does.
    const load = (): string =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    const loads: Record<'real' | 'dry' | 'copy', string> = { real: '', dry: '', copy: '' };
    progress(`import ${size}: npm run import`);
    loads.real = load();
    const real = await importWithCli({ cypherFile: network.cypherFile, dataDir: path.join(dir, 'cli') });
    progress(`import ${size}: npm run import --dry-run`);
    loads.dry = load();
    const dry = await importWithCli({ cypherFile: network.cypherFile, dataDir: path.join(dir, 'dry'), dryRun: true });

    progress(`import ${size}: COPY FROM`);
    const copyDir = path.join(dir, 'copy');
    const kuzu = openRawKuzu({ dataDir: copyDir, readOnly: false, bufferPoolMb: 512 });
    let copyMs: number;
    loads.copy = load();
    try {
      copyMs = await copyIntoEmpty(kuzu, network.copyFiles);
    } finally {
      await kuzu.close();
    }
    const [viaCli, viaCopy] = [await counts(path.join(dir, 'cli')), await counts(copyDir)];
    const baseline = round(rows / (copyMs / 1000), 1);
    const copyNote = `COPY ${(copyMs / 1000).toFixed(2)} s for ${network.copyFiles.length} files (load ${loads.copy})`;
    return [
      ratioRow({
        name: `import ${size}`,
        ours: round(rows / real.seconds, 1),
        baseline,
        unit: 'rows/s',
        aim: atLeast(0.05),
        note:
          `CLI ${real.seconds.toFixed(1)} s wall clock (validation + one transaction; load ${loads.real}), ` +
          `peak ${real.peakMb} MB (CLI + store${split(real)}); ` +
          `${copyNote}; ` +
          (viaCli === viaCopy ? `both stores hold ${viaCli}` : `stores differ: CLI ${viaCli}, COPY ${viaCopy}`),
      }),
      ratioRow({
        name: `import ${size}, dry run`,
        ours: round(rows / dry.seconds, 1),
        baseline,
        unit: 'rows/s',
        aim: atLeast(0.05),
        note:
          `CLI --dry-run ${dry.seconds.toFixed(1)} s on a throw-away copy (load ${loads.dry}; real run ` +
          `${real.seconds.toFixed(1)} s), peak ${dry.peakMb} MB${split(dry)}; ${copyNote}`,
      }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
