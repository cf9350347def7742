/**
 * The graph's shape kept in memory by the process that owns the database, so
 * path searches and expansions walk arrays instead of sending a query per level.
 * Built on first use from the read connection (one query per label and per
 * relationship table and start label), and dropped whenever an import commits:
 * this process is the only writer, so nothing else can change the graph.
 *
 * A build that overlaps a commit may mix both states; it still answers the call
 * that asked for it (records are read fresh, and anything gone is left out), but
 * is not kept.
 */
import { NODE_LABELS, REL_SPECS, REL_TYPES, type RelType } from '../../model/index.ts';
import type { Logger } from '../../logger.ts';
import { SnapshotBuilder, type AdjacencySnapshot } from '../traversal/AdjacencySnapshot.ts';
import { quote } from './ddl.ts';
import type { KuzuConnection } from './KuzuConnection.ts';

const NODE_QUERIES = NODE_LABELS.map((label) => ({ label, cypher: `MATCH (n:${quote(label)}) RETURN n.id AS id` }));

/** Per table and start label: Kùzu names the table once per FROM pair, and a smaller answer at a time. */
const REL_QUERIES: ReadonlyArray<{ type: RelType; cypher: string }> = REL_TYPES.flatMap((type) =>
  [...new Set(REL_SPECS[type].endpoints.map(([from]) => from))].map((from) => ({
    type,
    cypher: `MATCH (a:${quote(from)})-[r:${quote(type)}]->(b) RETURN a.id AS s, b.id AS t, r.id AS r`,
  })),
);

async function build(reader: KuzuConnection): Promise<AdjacencySnapshot> {
  const builder = new SnapshotBuilder();
  for (const { label, cypher } of NODE_QUERIES) {
    for (const row of await reader.query(cypher)) builder.addNode(String(row.id), label);
  }
  for (const { type, cypher } of REL_QUERIES) {
    for (const row of await reader.query(cypher)) {
      builder.addRelationship({ id: String(row.r), type, source: String(row.s), target: String(row.t) });
    }
  }
  return builder.finish();
}

export class SnapshotCache {
  private generation = 0;
  private current: { generation: number; snapshot: Promise<AdjacencySnapshot> } | undefined;

  constructor(
    private readonly reader: KuzuConnection,
    private readonly logger: Logger,
  ) {}

  /** The snapshot of the last committed graph, built now if there is none. */
  get(): Promise<AdjacencySnapshot> {
    if (this.current?.generation === this.generation) return this.current.snapshot;
    const generation = this.generation;
    const started = performance.now();
    const snapshot = build(this.reader);
    this.current = { generation, snapshot };
    snapshot.then(
      (built) =>
        this.logger.info(
          {
            nodes: built.nodeCount,
            relationships: built.relationshipCount,
            mb: Math.round(built.approximateBytes / 1e6),
            ms: Math.round(performance.now() - started),
            kept: generation === this.generation,
          },
          'built the adjacency snapshot',
        ),
      // A failed build is not kept: the next call tries again.
      () => {
        if (this.current?.snapshot === snapshot) this.current = undefined;
      },
    );
    return snapshot;
  }

  /** After anything that may have changed the graph. */
  invalidate(): void {
    this.generation += 1;
    this.current = undefined;
  }
}
