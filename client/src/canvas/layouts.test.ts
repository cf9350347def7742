import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { LAYOUT_NAMES, runLayout } from './layouts.ts';
import { registerExtensions } from './register-extensions.ts';

function ring(size: number): cytoscape.Core {
  const ids = Array.from({ length: size }, (_, i) => `n${i}`);
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...ids.map((id, i) => ({ data: { id }, position: { x: i * 7, y: (i * 13) % 50 } })),
      ...ids.map((id, i) => ({ data: { id: `e${i}`, source: id, target: ids[(i + 1) % size] ?? id } })),
    ],
  });
}

describe('layouts (headless Cytoscape)', () => {
  registerExtensions();

  it.each(LAYOUT_NAMES)(
    '%s keeps pinned nodes where they are, moves the others, and leaves them draggable',
    async (name) => {
      const cy = ring(12);
      const pinned = cy.getElementById('n3');
      pinned.position({ x: 1000, y: -1000 }).addClass('pinned');
      const before = cy.nodes().map((n) => ({ ...n.position() }));
      await runLayout(cy, name);
      expect(pinned.position()).toEqual({ x: 1000, y: -1000 });
      expect(pinned.locked()).toBe(false);
      const moved = cy.nodes().filter((n, i) => n.position().x !== before[i]?.x || n.position().y !== before[i]?.y);
      expect(moved.length).toBeGreaterThan(0);
      cy.destroy();
    },
  );
});
