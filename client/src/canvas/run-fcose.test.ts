import { describe, expect, it } from 'vitest';
import type { LayoutRequest } from './layout-protocol.ts';
import { runFcose } from './run-fcose.ts';

/** A view as the canvas sends it to the worker: placed nodes, random links, one pinned node. */
function request(nodes: number, edges: number): LayoutRequest {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return {
    algorithm: 'fcose',
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: `p${i}`,
      x: random() * 1000,
      y: random() * 1000,
      w: 34,
      h: 34,
      placed: true,
    })),
    edges: Array.from({ length: edges }, (_, i) => ({
      id: `e${i}`,
      source: `p${Math.floor(random() * nodes)}`,
      target: `p${Math.floor(random() * nodes)}`,
    })),
    fixed: [{ nodeId: 'p0', position: { x: 5, y: 5 } }],
    incremental: true,
  };
}

describe('fcose in the layout worker', () => {
  for (const [nodes, edges] of [
    [1800, 2300],
    [2500, 3200],
  ] as const) {
    it(`lays out an incremental ${nodes}-node view without failing, the pinned node kept`, () => {
      const positions = runFcose(request(nodes, edges));
      expect(Object.keys(positions)).toHaveLength(nodes);
      for (const position of Object.values(positions)) expect(Number.isFinite(position.x + position.y)).toBe(true);
      const pinned = positions['p0'];
      expect(Math.round(pinned?.x ?? NaN)).toBe(5);
      expect(Math.round(pinned?.y ?? NaN)).toBe(5);
    }, 60_000);
  }
});
