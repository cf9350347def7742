/**
 * Creates what schemaStatements() describes. `IF NOT EXISTS` would keep a full-text
 * index whose label or property list predates a change (a new label, or the
 * descriptions search took in), so that index is dropped and rebuilt when either
 * differs from what schemaStatements() asks for.
 */
import { NODE_LABELS } from '../../model/index.ts';
import type { TxMeta } from '../ports/read-scope.ts';
import {
  AWAIT_INDEXES,
  DROP_SEARCH_INDEX,
  SEARCH_INDEX,
  SEARCH_INDEX_PROPERTIES,
  SEARCH_INDEX_SHAPE,
} from './queries.ts';
import { run, type Runner } from './runner.ts';
import { schemaStatements } from './schema-statements.ts';
import { asStrings } from './values.ts';

const META: TxMeta = { user: 'system', operation: 'ensureSchema' };
const INDEX_WAIT_SECONDS = 300;

export async function ensureSchema(runner: Runner): Promise<void> {
  const rows = await runner.read(META, (tx) => run(tx, SEARCH_INDEX_SHAPE, { name: SEARCH_INDEX }));
  const row = rows[0];
  const stale =
    row !== undefined &&
    (!sameMembers(asStrings(row.labelsOrTypes), NODE_LABELS) ||
      !sameMembers(asStrings(row.properties), SEARCH_INDEX_PROPERTIES));
  if (stale) await runner.write(META, (tx) => run(tx, DROP_SEARCH_INDEX, {}));
  // Schema commands may not share a transaction with data writes, so each runs alone.
  for (const statement of schemaStatements()) {
    await runner.write(META, async (tx) => {
      await tx.run(statement);
    });
  }
  // Populating the search index over an existing graph can outlast the query timeout.
  await runner.read(META, (tx) => run(tx, AWAIT_INDEXES, { seconds: INDEX_WAIT_SECONDS }), INDEX_WAIT_SECONDS * 1000);
}

const sameMembers = (existing: readonly string[], wanted: readonly string[]): boolean =>
  existing.length === wanted.length && wanted.every((item) => existing.includes(item));
