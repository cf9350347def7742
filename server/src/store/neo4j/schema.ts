/**
 * Creates what schemaStatements() describes. `IF NOT EXISTS` would keep a full-text
 * index whose label list predates a model change, so that index is dropped and
 * rebuilt when its labels differ from the model's.
 */
import { NODE_LABELS } from '../../model/index.ts';
import type { TxMeta } from '../ports/read-scope.ts';
import { AWAIT_INDEXES, DROP_SEARCH_INDEX, SEARCH_INDEX, SEARCH_INDEX_LABELS } from './queries.ts';
import { run, type Runner } from './runner.ts';
import { schemaStatements } from './schema-statements.ts';
import { asStrings } from './values.ts';

const META: TxMeta = { user: 'system', operation: 'ensureSchema' };
const INDEX_WAIT_SECONDS = 300;

export async function ensureSchema(runner: Runner): Promise<void> {
  const rows = await runner.read(META, (tx) => run(tx, SEARCH_INDEX_LABELS, { name: SEARCH_INDEX }));
  const existing = rows[0] ? asStrings(rows[0].labelsOrTypes) : undefined;
  const wanted = [...NODE_LABELS];
  if (existing && (existing.length !== wanted.length || !wanted.every((l) => existing.includes(l)))) {
    await runner.write(META, (tx) => run(tx, DROP_SEARCH_INDEX, {}));
  }
  // Schema commands may not share a transaction with data writes, so each runs alone.
  for (const statement of schemaStatements()) {
    await runner.write(META, async (tx) => {
      await tx.run(statement);
    });
  }
  // Populating the search index over an existing graph can outlast the query timeout.
  await runner.read(META, (tx) => run(tx, AWAIT_INDEXES, { seconds: INDEX_WAIT_SECONDS }), INDEX_WAIT_SECONDS * 1000);
}
