import { describe, expect, it } from 'vitest';
import type { LayoutNode, LayoutRequest, Positions } from './layout-protocol.ts';
import { seedPositions } from './layout-seed.ts';
import { runForceAtlas2 } from './run-forceatlas2.ts';

type Edge = LayoutRequest['edges'][number];

function seeded(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** A view as the canvas sends it: `nodes` nodes scattered at random, each linked to two others. */
function view(nodes: number): { nodes: LayoutNode[]; edges: Edge[] } {
  const random = seeded(7);
  return {
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: `p${i}`,
      x: random() * 2000,
      y: random() * 2000,
      w: 34,
      h: 34,
      placed: false,
    })),
    edges: Array.from({ length: nodes * 2 }, (_, i) => ({
      id: `e${i}`,
      source: `p${i % nodes}`,
      target: `p${Math.floor(random() * nodes)}`,
    })),
  };
}

function request(input: Partial<LayoutRequest> & Pick<LayoutRequest, 'nodes' | 'edges'>): LayoutRequest {
  return { algorithm: 'forceatlas2', fixed: [], incremental: true, ...input };
}

const distance = (a: { x: number; y: number } | undefined, b: { x: number; y: number } | undefined) =>
  a && b ? Math.hypot(a.x - b.x, a.y - b.y) : Number.NaN;

function meanRandomPairDistance(positions: Positions, ids: readonly string[]): number {
  const random = seeded(11);
  let sum = 0;
  for (let i = 0; i < 2000; i++) {
    const a = ids[Math.floor(random() * ids.length)] ?? '';
    const b = ids[Math.floor(random() * ids.length)] ?? '';
    sum += distance(positions[a], positions[b]);
  }
  return sum / 2000;
}

/** Pairs of nodes whose discs (w/2 around each centre) overlap. */
function overlappingPairs(positions: Positions, nodes: readonly LayoutNode[]): number {
  let count = 0;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i], nodes[j]];
      if (a && b && distance(positions[a.id], positions[b.id]) < (a.w + b.w) / 2) count++;
    }
  return count;
}

describe('ForceAtlas2 in the layout worker (real graphology)', () => {
  it('keeps nodes from covering each other: a 531-spoke hub is not drawn as a stacked ring', () => {
    const spokes = 531;
    const random = seeded(3);
    const nodes: LayoutNode[] = Array.from({ length: spokes + 1 }, (_, i) => ({
      id: `n${i}`,
      x: random() * 1500,
      y: random() * 1500,
      w: 34,
      h: 34,
      placed: false,
    }));
    const edges = Array.from({ length: spokes }, (_, i) => ({ id: `e${i}`, source: 'n0', target: `n${i + 1}` }));
    const positions = runForceAtlas2(request({ nodes, edges, incremental: false }));
    // ForceAtlas2 alone left 7,280 of the 532 nodes' pairs overlapping here; noverlap about 650.
    expect(overlappingPairs(positions, nodes)).toBeLessThan(spokes * 2);
  });

  it('lays out a fresh view: linked nodes end closer than random pairs, the pinned node stays put', () => {
    const { nodes, edges } = view(1000);
    const positions = runForceAtlas2(
      request({ nodes, edges, fixed: [{ nodeId: 'p0', position: { x: -500, y: 700 } }], incremental: false }),
    );
    expect(Object.keys(positions)).toHaveLength(1000);
    expect(positions['p0']).toEqual({ x: -500, y: 700 });
    const linked = edges.reduce((sum, e) => sum + distance(positions[e.source], positions[e.target]), 0) / edges.length;
    const before = Object.fromEntries(nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    const linkedBefore = edges.reduce((sum, e) => sum + distance(before[e.source], before[e.target]), 0) / edges.length;
    const ids = nodes.map((n) => n.id);
    // Scattered at random, linked pairs are as far apart as any two; laid out, they are much closer.
    expect(linkedBefore / meanRandomPairDistance(before, ids)).toBeGreaterThan(0.9);
    expect(linked / meanRandomPairDistance(positions, ids)).toBeLessThan(0.6);
  }, 120_000);

  it('adds 50 nodes to a laid-out 3,000-node view without reshuffling it, each newcomer beside its neighbour', () => {
    const base = view(3000);
    const pin = { nodeId: 'p5', position: { x: 300, y: 300 } };
    const first = runForceAtlas2(request({ ...base, fixed: [pin], incremental: false }));
    const random = seeded(3);
    // Newcomers arrive where the canvas puts nodes it has nothing to grow from (beside the picture), each linked to a drawn node.
    const right = Math.max(...Object.values(first).map((p) => p.x)) + 140;
    const newcomers = Array.from({ length: 50 }, (_, i) => ({
      id: `q${i}`,
      anchor: `p${Math.floor(random() * 3000)}`,
    }));
    const nodes: LayoutNode[] = [
      ...base.nodes.map((n) => ({ ...n, ...first[n.id], placed: true })),
      ...newcomers.map((q) => ({ id: q.id, x: right, y: 0, w: 34, h: 34, placed: false })),
    ];
    const edges = [...base.edges, ...newcomers.map((q) => ({ id: `f${q.id}`, source: q.id, target: q.anchor }))];
    const second = runForceAtlas2(request({ nodes, edges, fixed: [pin] }));

    expect(second['p5']).toEqual(pin.position);
    const ids = base.nodes.map((n) => n.id);
    // Held while the newcomers settle: the picture the investigator has read is kept as it was.
    expect(Math.max(...ids.map((id) => distance(first[id], second[id])))).toBeLessThan(0.001);
    const fromNeighbour = newcomers.reduce((sum, q) => sum + distance(second[q.id], second[q.anchor]), 0) / 50;
    const link = base.edges.reduce((sum, e) => sum + distance(first[e.source], first[e.target]), 0) / base.edges.length;
    // Started beside the picture rather than beside their neighbour, they end more than a link away.
    expect(fromNeighbour / link).toBeLessThan(0.75);
  }, 180_000);
});

describe('where the layout starts each node', () => {
  const nodes: LayoutNode[] = [
    { id: 'a', x: 100, y: 100, w: 30, h: 30, placed: true },
    { id: 'b', x: 900, y: 900, w: 30, h: 30, placed: true },
    { id: 'new1', x: 0, y: 0, w: 30, h: 30, placed: false },
    { id: 'new2', x: 0, y: 0, w: 30, h: 30, placed: false },
    { id: 'loose', x: 0, y: 0, w: 30, h: 30, placed: false },
  ];
  const edges: Edge[] = [
    { id: 'e1', source: 'new1', target: 'b' },
    { id: 'e2', source: 'new2', target: 'new1' },
  ];

  it('keeps placed and pinned nodes, grows newcomers from a placed neighbour, spreads coincident ones', () => {
    const seeds = seedPositions(request({ nodes, edges, fixed: [{ nodeId: 'a', position: { x: 5, y: 6 } }] }));
    expect(seeds.get('a')).toMatchObject({ x: 5, y: 6, pinned: true, placed: true });
    expect(seeds.get('b')).toMatchObject({ x: 900, y: 900, pinned: false, placed: true });
    expect(distance(seeds.get('new1'), seeds.get('b'))).toBeLessThan(100);
    // A newcomer linked only to a newcomer grows from it in turn.
    expect(distance(seeds.get('new2'), seeds.get('new1'))).toBeLessThan(100);
    expect(seeds.get('new1')?.placed).toBe(false);
    // Unlinked, it starts where the canvas put it, but not on the same point as another.
    expect(seeds.get('loose')).toMatchObject({ x: 0, y: 0 });
  });

  it('starts every node where it is on a fresh run, two nodes on one point moved apart', () => {
    const seeds = seedPositions(request({ nodes, edges, incremental: false }));
    expect(seeds.get('new1')).toMatchObject({ x: 0, y: 0, placed: false });
    expect(distance(seeds.get('new2'), seeds.get('new1'))).toBeGreaterThan(0);
    expect(seeds.get('b')).toMatchObject({ x: 900, y: 900, placed: false });
  });
});
