import type { LayoutRequest } from './layout-protocol.ts';

export interface Seed {
  x: number;
  y: number;
  /** Pinned by the investigator: the layout must not move it. */
  readonly pinned: boolean;
  /** Laid out before this run (incremental only): held still while the newcomers settle. */
  readonly placed: boolean;
}

/** How far (px) a newcomer starts from the neighbour it grows from: about one edge, so it settles locally. */
const NEWCOMER_OFFSET = 40;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Where each node starts. A force layout run again on a view the investigator has read must not
 * reshuffle it: placed nodes start where they are, pinned nodes at their pin, and each new node
 * next to an already-placed neighbour (breadth first, so a chain of newcomers grows outwards).
 * A fresh run starts every node where it is. Coincident starts are spread apart: ForceAtlas2
 * cannot separate two nodes at the same point.
 */
export function seedPositions(request: LayoutRequest): Map<string, Seed> {
  const pins = new Map(request.fixed.map((f) => [f.nodeId, f.position]));
  const incremental = request.incremental && request.nodes.some((n) => n.placed || pins.has(n.id));
  const seeds = new Map<string, Seed>();
  for (const node of request.nodes) {
    const pin = pins.get(node.id);
    const placed = incremental && (node.placed || pin !== undefined);
    seeds.set(node.id, { ...(pin ?? { x: node.x, y: node.y }), pinned: pin !== undefined, placed });
  }
  if (incremental) growNewcomers(seeds, request.edges);
  spreadCoincident(seeds);
  return seeds;
}

function growNewcomers(seeds: Map<string, Seed>, edges: LayoutRequest['edges']): void {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const e of edges) {
    if (e.source === e.target || !seeds.has(e.source) || !seeds.has(e.target)) continue;
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const settled = new Set([...seeds].filter(([, s]) => s.placed).map(([id]) => id));
  let frontier = [...settled];
  // Newcomers around one anchor take turns on a spiral, so they do not all start on one point.
  const around = new Map<string, number>();
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const anchorId of frontier) {
      const anchor = seeds.get(anchorId);
      if (!anchor) continue;
      for (const id of neighbours.get(anchorId) ?? []) {
        const seed = seeds.get(id);
        if (!seed || settled.has(id)) continue;
        const turn = around.get(anchorId) ?? 0;
        around.set(anchorId, turn + 1);
        const angle = turn * GOLDEN_ANGLE;
        const radius = NEWCOMER_OFFSET * (1 + Math.sqrt(turn) * 0.5);
        seed.x = anchor.x + radius * Math.cos(angle);
        seed.y = anchor.y + radius * Math.sin(angle);
        settled.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
}

function spreadCoincident(seeds: Map<string, Seed>): void {
  const taken = new Map<string, number>();
  for (const seed of seeds.values()) {
    if (seed.pinned) continue;
    const key = `${seed.x},${seed.y}`;
    const count = taken.get(key) ?? 0;
    taken.set(key, count + 1);
    if (count === 0) continue;
    seed.x += Math.sqrt(count) * 4 * Math.cos(count * GOLDEN_ANGLE);
    seed.y += Math.sqrt(count) * 4 * Math.sin(count * GOLDEN_ANGLE);
  }
}
