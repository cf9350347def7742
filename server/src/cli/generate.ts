/**
 * npm run generate -- --people N --seed S --out FILE.cypher [--truth FILE.json] [--batch ROWS]
 * Writes a synthetic, fictional network as a Cypher import file (streamed, bounded memory)
 * and the ground truth of its planted red-flag patterns.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateNetwork } from '../generator/generate.ts';

const USAGE = `Usage: npm run generate -- --people N --seed S --out FILE.cypher [--truth FILE.json] [--batch ROWS]
  --people N    persons in the network (the other entities scale with it)
  --seed S      random seed (default 1): the same seed writes the same file
  --out FILE    the Cypher import file to write
  --truth FILE  where to write the planted red-flag patterns (default FILE.truth.json beside --out)
  --batch ROWS  rows per UNWIND statement (default 500)
The network is synthetic and fictional; load it with npm run import -- FILE.cypher.`;

function positiveInt(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer. ${USAGE}`);
  return value;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      truth: { type: 'string' },
      batch: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  if (values.out === undefined || values.people === undefined) throw new Error(USAGE);
  const people = positiveInt(values.people, 'people');
  const seed = positiveInt(values.seed, 'seed', 1);
  const truthPath = values.truth ?? values.out.replace(/\.cypher$/, '') + '.truth.json';

  const fd = openSync(values.out, 'w');
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = () => {
    if (pending.length > 0) writeSync(fd, pending.join(''));
    pending = [];
    pendingChars = 0;
  };
  const started = Date.now();
  const result = generateNetwork({
    people,
    seed,
    batchSize: positiveInt(values.batch, 'batch', 500),
    sink: (text) => {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars > 1 << 20) flush();
    },
  });
  flush();
  closeSync(fd);
  writeFileSync(truthPath, JSON.stringify(result.truth, null, 2) + '\n');
  const planted = Object.values(result.truth.planted).reduce((sum, list) => sum + list.length, 0);
  console.error(
    `Wrote ${values.out}: ${result.people} people, ${result.nodes} nodes, ${result.relationships} relationships, ` +
      `${planted} planted patterns (truth in ${truthPath}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
