/**
 * Kùzu with nothing of Maillon in between: the baselines' side of every figure.
 * Prepared statements, parameters, results read synchronously and closed at once
 * (as the store does), so the baseline is the fastest plain use of the library.
 */
import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import fs from 'node:fs';
import path from 'node:path';

export type RawRow = Record<string, KuzuValue>;

export interface RawKuzu {
  query(cypher: string, params?: Record<string, KuzuValue>): Promise<RawRow[]>;
  close(): Promise<void>;
}

function rowsOf(result: QueryResult | QueryResult[]): RawRow[] {
  const results = Array.isArray(result) ? result : [result];
  try {
    return results.flatMap((r) => r.getAllSync());
  } finally {
    for (const r of results) r.close();
  }
}

/** Opens `${dataDir}/kuzu` (the store's layout); read-only unless told, so a server cannot hold it at the same time. */
export function openRawKuzu(options: { dataDir: string; readOnly?: boolean; bufferPoolMb?: number }): RawKuzu {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const database: Database = new kuzu.Database(
    path.join(options.dataDir, 'kuzu'),
    (options.bufferPoolMb ?? 1024) * 1024 * 1024,
    true,
    options.readOnly ?? true,
  );
  const connection: Connection = new kuzu.Connection(database);
  const prepared = new Map<string, PreparedStatement>();
  return {
    query: async (cypher, params) => {
      if (params === undefined) return rowsOf(await connection.query(cypher));
      let statement = prepared.get(cypher);
      if (!statement) {
        statement = await connection.prepare(cypher);
        if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
        prepared.set(cypher, statement);
      }
      return rowsOf(await connection.execute(statement, params));
    },
    close: async () => {
      prepared.clear();
      await connection.close();
      await database.close();
    },
  };
}
