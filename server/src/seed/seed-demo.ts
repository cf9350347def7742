/**
 * Demo data on first start: when the embedded store is empty, the files of
 * cypher/seed/ are loaded in name order. A failure stops the server with the file,
 * statement, line and message: a half-loaded demo would mislead more than none.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import type { TxMeta } from '../store/ports/read-scope.ts';

export const SEED_DIR = path.resolve(import.meta.dirname, '../../../cypher/seed');

/** What loading one script reports; the shape of the import pipeline's ImportReport. */
interface ScriptReport {
  readonly ok: boolean;
  readonly statements: number;
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
  readonly errors: ReadonlyArray<{ statement: number; line: number; column: number; message: string }>;
}

export type ScriptLoader = (input: { script: string; fileName: string; meta: TxMeta }) => Promise<ScriptReport>;

export class SeedError extends Error {}

/** The .cypher files of a directory, in name order. */
export function seedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Loads `files` in order; throws a SeedError naming the first failure. */
export async function loadScripts(options: {
  files: readonly string[];
  load: ScriptLoader;
  logger: Logger;
}): Promise<{ nodesCreated: number; relationshipsCreated: number }> {
  const totals = { nodesCreated: 0, relationshipsCreated: 0 };
  for (const file of options.files) {
    const fileName = path.basename(file);
    const report = await options.load({
      script: fs.readFileSync(file, 'utf8'),
      fileName,
      meta: { user: 'system', operation: 'seed' },
    });
    if (!report.ok) {
      const first = report.errors[0];
      const where = first
        ? `statement ${first.statement}, line ${first.line}, column ${first.column}: ${first.message}`
        : 'no details';
      throw new SeedError(`Loading the demo data failed in ${file}, ${where}`);
    }
    totals.nodesCreated += report.nodesCreated;
    totals.relationshipsCreated += report.relationshipsCreated;
    options.logger.info(
      {
        file: fileName,
        statements: report.statements,
        nodes: report.nodesCreated,
        relationships: report.relationshipsCreated,
      },
      'demo data loaded',
    );
  }
  return totals;
}

/** Seeds an empty store; does nothing when it already holds nodes. */
export async function seedIfEmpty(options: {
  store: GraphStore;
  load: ScriptLoader;
  logger: Logger;
  dir?: string;
}): Promise<boolean> {
  if ((await options.store.countNodes()) > 0) return false;
  const files = seedFiles(options.dir ?? SEED_DIR);
  if (files.length === 0) {
    options.logger.warn({ dir: options.dir ?? SEED_DIR }, 'no demo data files found: starting empty');
    return false;
  }
  options.logger.info({ files: files.length }, 'empty store: loading the demo data');
  await loadScripts({ files, load: options.load, logger: options.logger });
  return true;
}
