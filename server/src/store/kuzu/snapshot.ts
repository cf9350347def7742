/**
 * The graph's shape kept in memory by the process that owns the database, so
 * path searches and expansions walk arrays instead of sending a query per level.
 * Built on first use from the read connection, and dropped whenever an import
 * commits or the schema is ensured: this process is the only writer, so nothing
 * else can change the graph.
 *
 * The build reads Kùzu's internal offsets (numbers) rather than string ids for
 * relationships and their ends: measured on 33.5 k relationships, rows of three
 * numbers convert about 4x faster than rows of three id strings, and the strings
 * would then have to be kept. A relationship's offset in its table is the
 * snapshot's `ref`, which record-fetch.ts uses to read it back.
 *
 * A build that overlaps a commit may mix both states; it still answers the call
 * that asked for it (records are read fresh, and anything gone is left out), but
 * is not kept.
 */
import { NODE_LABELS, REL_SPECS, REL_TYPES, type NodeLabel } from '../../model/index.ts';
import { StoreUnavailableError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { SnapshotBuilder, type AdjacencySnapshot, type SnapshotAdditions } from '../traversal/AdjacencySnapshot.ts';
import { quote } from './ddl.ts';
import type { KuzuConnection } from './KuzuConnection.ts';

const NODE_QUERIES = NODE_LABELS.map((label) => ({
  label,
  cypher: `MATCH (n:${quote(label)}) RETURN n.id AS id, offset(id(n)) AS o`,
}));

/** One query per (type, start label, end label): each is one Kùzu table, where offsets are unique. */
const REL_QUERIES = REL_TYPES.flatMap((type) =>
  REL_SPECS[type].endpoints.map(([from, to]) => ({
    type,
    from,
    to,
    cypher: `MATCH (a:${quote(from)})-[r:${quote(type)}]->(b:${quote(to)})
      RETURN offset(id(a)) AS s, offset(id(b)) AS t, offset(id(r)) AS r`,
  })),
);

async function build(reader: KuzuConnection): Promise<AdjacencySnapshot> {
  const builder = new SnapshotBuilder();
  // Per label, the snapshot index of the node at each offset.
  const byOffset = new Map<NodeLabel, Map<number, number>>();
  for (const { label, cypher } of NODE_QUERIES) {
    const indexes = new Map<number, number>();
    for (const row of await reader.query(cypher)) indexes.set(Number(row.o), builder.addNode(String(row.id), label));
    byOffset.set(label, indexes);
  }
  for (const { type, from, to, cypher } of REL_QUERIES) {
    const sources = byOffset.get(from);
    const targets = byOffset.get(to);
    for (const row of await reader.query(cypher)) {
      const source = sources?.get(Number(row.s));
      const target = targets?.get(Number(row.t));
      // Only when a commit fell between the node and relationship reads.
      if (source === undefined || target === undefined) continue;
      builder.addRelationship({ ref: Number(row.r), type, source, target });
    }
  }
  return builder.finish();
}

/** How long a call waits for a snapshot still being built before it is told to come back. */
const DEFAULT_SNAPSHOT_WAIT_MS = 5_000;

export class SnapshotCache {
  private generation = 0;
  private current: { generation: number; snapshot: Promise<AdjacencySnapshot>; started: number } | undefined;
  private built: { generation: number; snapshot: AdjacencySnapshot } | undefined;

  constructor(
    private readonly reader: KuzuConnection,
    private readonly logger: Logger,
    private readonly options: {
      /**
       * Bounded so that a call never outlives its deadline in the parent process
       * (which would kill this process and lose the build): at 1 M nodes a build
       * takes tens of seconds.
       */
      readonly waitMs?: number;
      /** Build again as soon as the graph changes (a server), not on the first expansion (a CLI). */
      readonly eager?: boolean;
    } = {},
  ) {}

  /**
   * The snapshot of the last committed graph, built now if there is none. When
   * the build takes longer than `waitMs`, the call fails with DB_UNAVAILABLE and
   * Retry-After while the build goes on for the next one.
   */
  async get(): Promise<AdjacencySnapshot> {
    // The common case on every expansion: no timer, no race.
    const built = this.ready();
    if (built) return built;
    const { snapshot, started } = this.building();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seconds = Math.round((performance.now() - started) / 1000);
        reject(
          new StoreUnavailableError(
            `The graph's adjacency index is being built (${seconds} s so far, after a start or an import); ` +
              'expansions and paths are answered once it is ready. Try again shortly.',
            5,
          ),
        );
      }, this.options.waitMs ?? DEFAULT_SNAPSHOT_WAIT_MS);
    });
    try {
      return await Promise.race([snapshot, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The snapshot of the last committed graph, waiting up to `waitMs` for a build
   * (started now if none runs); undefined when it is not ready by then, for a
   * caller that can answer without it.
   */
  async within(waitMs: number): Promise<AdjacencySnapshot | undefined> {
    const built = this.ready();
    if (built) return built;
    const { snapshot } = this.building();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
    });
    try {
      return await Promise.race([snapshot.catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The snapshot of the last committed graph if it is built already; never waits. */
  ready(): AdjacencySnapshot | undefined {
    return this.built?.generation === this.generation ? this.built.snapshot : undefined;
  }

  /**
   * After an import committed: the built snapshot extended by what it added, so
   * that no build follows (and no expansion waits for one). Without a built
   * snapshot, or when the import did more than add, as invalidate().
   */
  extend(added: SnapshotAdditions | undefined): void {
    const base = this.ready();
    const extended = added && base?.extended(added);
    if (!extended) {
      this.invalidate();
      return;
    }
    this.generation += 1;
    this.current = undefined;
    this.built = { generation: this.generation, snapshot: extended };
    this.logger.debug(
      { nodes: added.nodes.length, relationships: added.relationships.length },
      'extended the adjacency snapshot',
    );
  }

  /** After anything that may have changed the graph: drops the snapshot (and, when eager, starts the next build). */
  invalidate(): void {
    this.generation += 1;
    this.current = undefined;
    // Built ahead of the first expansion; a failure is logged and retried by the next call.
    if (this.options.eager === true) this.building().snapshot.catch(() => undefined);
  }

  private building(): { snapshot: Promise<AdjacencySnapshot>; started: number } {
    if (this.current?.generation === this.generation) return this.current;
    const generation = this.generation;
    const started = performance.now();
    const snapshot = build(this.reader);
    this.current = { generation, snapshot, started };
    snapshot.then(
      (built) => {
        if (generation === this.generation) this.built = { generation, snapshot: built };
        this.logger.info(
          {
            nodes: built.nodeCount,
            relationships: built.relationshipCount,
            mb: Math.round(built.approximateBytes / 1e6),
            ms: Math.round(performance.now() - started),
            kept: generation === this.generation,
          },
          'built the adjacency snapshot',
        );
      },
      // A failed build is not kept: the next call tries again.
      (error: unknown) => {
        this.logger.warn({ err: error }, 'the adjacency snapshot could not be built');
        if (this.current?.snapshot === snapshot) this.current = undefined;
      },
    );
    return this.current;
  }
}
