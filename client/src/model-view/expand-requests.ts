import type { NeighbourhoodVariables } from '../api/operations.ts';
import type { Subgraph } from '../api/types.ts';
import { NEIGHBOURHOOD_LIMITS } from '../shared-model.ts';

const { maxSeeds: MAX_IDS_PER_REQUEST, maxPerNodeLimit: MAX_PER_NODE_LIMIT } = NEIGHBOURHOOD_LIMITS;

export interface ExpandRequestOptions {
  readonly relTypes: readonly string[];
  /** The analyst's cap: neighbours per expansion, and relationships read per expanded node. */
  readonly cap: number;
}

/**
 * The `neighbourhood` calls one expansion needs: the ids in batches the server accepts, each
 * carrying the cap as `perNodeLimit` too, or a hub would stop at the server's default of 50.
 */
export function expandRequests(ids: readonly string[], options: ExpandRequestOptions): NeighbourhoodVariables[] {
  const requests: NeighbourhoodVariables[] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_REQUEST) {
    requests.push({
      ids: ids.slice(start, start + MAX_IDS_PER_REQUEST),
      depth: 1,
      relTypes: options.relTypes.length > 0 ? [...options.relTypes] : null,
      limit: options.cap,
      perNodeLimit: Math.min(options.cap, MAX_PER_NODE_LIMIT),
    });
  }
  return requests;
}

/** One subgraph from the answers to several batches: each node and relationship once. */
export function mergeSubgraphs(parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, Subgraph['nodes'][number]>();
  const relationships = new Map<string, Subgraph['relationships'][number]>();
  const omitted = new Map<string, number>();
  for (const part of parts) {
    for (const node of part.nodes) nodes.set(node.id, node);
    for (const rel of part.relationships) relationships.set(rel.id, rel);
    for (const o of part.omitted) omitted.set(o.id, Math.max(omitted.get(o.id) ?? 0, o.count));
  }
  return {
    nodes: [...nodes.values()],
    relationships: [...relationships.values()],
    truncated: parts.some((p) => p.truncated),
    omitted: [...omitted].map(([id, count]) => ({ id, count })),
  };
}

/** A list of names short enough for a one-line banner: the first few, then "+N more". */
export function shortList(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} +${names.length - shown} more`;
}
