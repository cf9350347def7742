/**
 * Helpers for the import tests: fixture expectations read from each fixture's
 * header, and a digest of the whole graph read straight from the Kùzu files
 * (sorted nodes and relationships of the model, internal ids left out), so that
 * "nothing changed" is checked on the data itself, not on what the store reports.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import kuzu from 'kuzu';
import { NODE_LABELS, REL_TYPES } from '../../server/src/model/index.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

export interface Expectation {
  readonly file: string;
  readonly valid: boolean;
  readonly nodes?: number;
  readonly relationships?: number;
  readonly error?: { statement: number; line: number; column: number; message: string };
}

export function readFixtures(): Expectation[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((file) => {
      const header = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n')[0] ?? '';
      const counts = /^\/\/ expect: nodes (\d+), relationships (\d+)/.exec(header);
      const error = /^\/\/ expect-error: statement (\d+), line (\d+), column (\d+): (.*)$/.exec(header);
      return {
        file,
        valid: file.endsWith('.valid.cypher'),
        ...(counts ? { nodes: Number(counts[1]), relationships: Number(counts[2]) } : {}),
        ...(error
          ? {
              error: {
                statement: Number(error[1]),
                line: Number(error[2]),
                column: Number(error[3]),
                message: error[4] ?? '',
              },
            }
          : {}),
      };
    });
}

export const readFixture = (file: string): string => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))) as unknown;

const withoutInternal = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(record)
      .filter(([k]) => !k.startsWith('_'))
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Finds the Kùzu database under a data directory by trying to open each candidate read-only. */
function findDatabase(dataDir: string): string {
  const candidates: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.(wal|lock|tmp|shadow|json|key|secret|log)$/.test(entry.name)) candidates.push(full);
    }
  };
  walk(dataDir);
  for (const candidate of candidates) {
    if (fs.existsSync(`${candidate}.wal`)) return candidate;
  }
  for (const candidate of candidates) {
    const head = Buffer.alloc(4);
    const fd = fs.openSync(candidate, 'r');
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    if (head.toString('latin1') === 'KUZU') return candidate;
  }
  throw new Error(`no Kùzu database under ${dataDir} (looked at ${candidates.join(', ')})`);
}

/** sha256 of every model node and relationship, sorted; the store must be closed first. */
export async function graphDigest(dataDir: string): Promise<{ digest: string; nodes: number; relationships: number }> {
  const db = new kuzu.Database(findDatabase(dataDir), 0, true, true);
  const conn = new kuzu.Connection(db);
  try {
    const lines: string[] = [];
    let nodes = 0;
    let relationships = 0;
    for (const label of NODE_LABELS) {
      const result = await conn.query(`MATCH (n:\`${label}\`) RETURN n`);
      const rows = (Array.isArray(result) ? result[0] : result)?.getAllSync() ?? [];
      for (const row of rows)
        lines.push(`N ${label} ${JSON.stringify(plain(withoutInternal(row.n as Record<string, unknown>)))}`);
      nodes += rows.length;
    }
    for (const type of REL_TYPES) {
      const result = await conn.query(`MATCH (a)-[r:\`${type}\`]->(b) RETURN a.id AS a, b.id AS b, r`);
      const rows = (Array.isArray(result) ? result[0] : result)?.getAllSync() ?? [];
      for (const row of rows) {
        const props = plain(withoutInternal(row.r as Record<string, unknown>));
        lines.push(`R ${type} ${String(row.a)} ${String(row.b)} ${JSON.stringify(props)}`);
      }
      relationships += rows.length;
    }
    lines.sort();
    return { digest: createHash('sha256').update(lines.join('\n')).digest('hex'), nodes, relationships };
  } finally {
    await conn.close();
    await db.close();
  }
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-import-'));
}
