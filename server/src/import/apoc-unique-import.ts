/**
 * APOC's export of a database without uniqueness constraints (`apoc.export.cypher.all` with
 * no constraint to match nodes by): each node is written with a temporary label and property,
 * `:`UNIQUE IMPORT LABEL` {`UNIQUE IMPORT ID`: <Neo4j's internal id>}`, its real label added by
 * `SET n:Person`, relationships matched by that internal id, and the label and property
 * removed in batches at the end. Maillon's nodes have one label from creation and are matched
 * by their own `id`, so such a file is refused once per statement with what to do: create the
 * constraints in the source database and export again, and APOC writes every node with its
 * label and id and matches relationships by them (as it does for an export of a Maillon
 * graph on Neo4j, whose schema has them). Loading it instead would have meant keeping a map of
 * internal ids through the file, and guessing labels the relationship statements do not name.
 */
import type { Token } from '../cypher/tokens.ts';
import type { SandboxFinding } from './sandbox.ts';

const TEMPORARY_NAMES = new Set(['UNIQUE IMPORT LABEL', 'UNIQUE IMPORT ID']);

const UNIQUE_IMPORT_MESSAGE =
  "This is APOC's export of a database without uniqueness constraints: it writes each node with a temporary " +
  "`UNIQUE IMPORT LABEL` and matches relationships by Neo4j's internal ids, while Maillon gives each node one " +
  'label and matches it by its own id. In the source database, create a uniqueness constraint on id for each ' +
  'label (CREATE CONSTRAINT FOR (n:Person) REQUIRE n.id IS UNIQUE, and so on), then export again with ' +
  'apoc.export.cypher.all: APOC then writes every node with its label and id, and that file loads as written.';

export function checkUniqueImportLabel(tokens: readonly Token[]): SandboxFinding | undefined {
  const at = tokens.find((t) => t.kind === 'quoted' && TEMPORARY_NAMES.has(t.value));
  return at === undefined ? undefined : { message: UNIQUE_IMPORT_MESSAGE, offset: at.start };
}
