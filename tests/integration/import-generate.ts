/** Writes large import files for the tests and the bench (never committed: generated into a temp dir). */
import fs from 'node:fs';
import { generateNetwork } from '../../server/src/generator/index.ts';

export interface GeneratedFile {
  readonly path: string;
  readonly rows: number;
  readonly statements: number;
}

/** `rows` Person nodes in UNWIND batches of `batch`; `brokenAt` (1-based statement) gets a syntax error. */
export function writeUnwindFile(input: {
  path: string;
  rows: number;
  batch: number;
  prefix?: string;
  brokenAt?: number;
}): GeneratedFile {
  const { rows, batch } = input;
  const prefix = input.prefix ?? 'gen';
  const fd = fs.openSync(input.path, 'w');
  let statements = 0;
  try {
    for (let start = 0; start < rows; start += batch) {
      statements++;
      const items: string[] = [];
      for (let i = start; i < Math.min(rows, start + batch); i++) {
        items.push(
          `{id: '${prefix}-${i}', name: 'Person ${i}', nationality: '${i % 2 === 0 ? 'FR' : 'ES'}', birthDate: '19${String(50 + (i % 50))}-01-01'}`,
        );
      }
      const close = statements === input.brokenAt ? '' : ')';
      fs.writeSync(
        fd,
        `UNWIND [\n${items.join(',\n')}\n] AS row\nCREATE (p:Person {id: row.id, name: row.name, nationality: row.nationality, birthDate: row.birthDate}${close};\n`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
  return { path: input.path, rows, statements };
}

/** One CREATE statement per node, the way naive exports look. */
export function writeCreateFile(input: {
  path: string;
  rows: number;
  prefix?: string;
  brokenAt?: number;
}): GeneratedFile {
  const prefix = input.prefix ?? 'gen';
  const fd = fs.openSync(input.path, 'w');
  try {
    for (let i = 1; i <= input.rows; i++) {
      const label = i === input.brokenAt ? 'Ghost' : 'Person';
      fs.writeSync(fd, `CREATE (:${label} {id: '${prefix}-${i}', name: 'Person ${i}'});\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { path: input.path, rows: input.rows, statements: input.rows };
}

/**
 * The generator's network as one script with every generated id (`p-12`, `r-40`,
 * `doc-synthetic`) prefixed, so that several networks load side by side; without the
 * informant identities, which an import without informant clearance cannot write.
 */
export function prefixedNetwork(input: { people: number; seed: number; prefix: string }): string {
  const parts: string[] = [];
  generateNetwork({ people: input.people, seed: input.seed, sink: (text) => parts.push(text) });
  return parts
    .filter((text) => !text.includes('IDENTIFIES_AS'))
    .join('')
    .replace(/'([a-z]+-[a-z0-9]+)'/g, `'${input.prefix}-$1'`);
}
