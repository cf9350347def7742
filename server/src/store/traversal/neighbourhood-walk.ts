/**
 * The explorer's neighbourhood expansion, shared by every adapter so they agree
 * on what a capped expansion returns: breadth-first from the seeds, level by
 * level; each expanded node contributes at most `perNodeLimit` relationships (the
 * rest is counted in `omitted`); new nodes are admitted in the order their
 * relationships come, until `limit` nodes. A relationship is kept only when both
 * its ends are admitted. Adapters supply the two reads; records are fetched by
 * the caller afterwards, once.
 */
import type { NeighbourhoodQuery } from '../ports/GraphReads.ts';

export interface WalkEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface WalkReads<R extends WalkEdge> {
  /** The ids that exist, deduplicated, in the order asked. */
  existing(ids: readonly string[]): Promise<string[]> | string[];
  /** Visible relationships around `ids` (each once), at most perNodeLimit per node, and the counts left out. */
  adjacent(ids: readonly string[]): Promise<AdjacentEdges<R>> | AdjacentEdges<R>;
}

export interface AdjacentEdges<R extends WalkEdge> {
  readonly relationships: readonly R[];
  readonly omitted: Readonly<Record<string, number>>;
}

export interface Walk<R extends WalkEdge> {
  /** Seeds first, then in order of admission. */
  readonly nodeIds: string[];
  readonly relationships: R[];
  readonly truncated: boolean;
  readonly omitted: Array<{ id: string; count: number }>;
}

export async function walkNeighbourhood<R extends WalkEdge>(
  query: Pick<NeighbourhoodQuery, 'seeds' | 'depth' | 'limit'>,
  reads: WalkReads<R>,
): Promise<Walk<R>> {
  const nodes = new Set<string>();
  const relationships = new Map<string, R>();
  const omitted = new Map<string, number>();
  let truncated = false;

  for (const id of await reads.existing(query.seeds)) {
    if (nodes.size >= query.limit) {
      truncated = true;
      break;
    }
    nodes.add(id);
  }

  let frontier = [...nodes];
  for (let level = 1; level <= query.depth && frontier.length > 0; level += 1) {
    const adjacency = await reads.adjacent(frontier);
    for (const [id, count] of Object.entries(adjacency.omitted)) {
      if (count > 0) {
        omitted.set(id, count);
        truncated = true;
      }
    }
    const admitted = new Set<string>();
    const candidates: R[] = [];
    for (const rel of adjacency.relationships) {
      const ends = [...new Set([rel.source, rel.target])].filter((id) => !nodes.has(id) && !admitted.has(id));
      if (nodes.size + admitted.size + ends.length > query.limit) {
        truncated = true;
        continue;
      }
      for (const id of ends) admitted.add(id);
      candidates.push(rel);
    }
    for (const id of admitted) nodes.add(id);
    for (const rel of candidates) relationships.set(rel.id, rel);
    frontier = [...admitted];
  }

  return {
    nodeIds: [...nodes],
    relationships: [...relationships.values()],
    truncated,
    omitted: [...omitted].map(([id, count]) => ({ id, count })),
  };
}
