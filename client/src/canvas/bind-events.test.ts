import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { bindEvents, nodeAtCentre, type CanvasEvents } from './bind-events.ts';

const settled = () => new Promise((resolve) => setTimeout(resolve, 5));

function canvasWithSelection(clock: () => number = Date.now) {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: 'preset' },
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
    elements: [
      { data: { id: 'a' }, position: { x: 0, y: 0 } },
      { data: { id: 'b' }, position: { x: 100, y: 0 } },
      { data: { id: 'c' }, position: { x: 200, y: 0 } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
    ],
  });
  const reported: string[][] = [];
  const expanded: string[] = [];
  const events: CanvasEvents = {
    onSelectionChange: (ids) => reported.push(ids),
    onExpand: (id) => expanded.push(id),
    onContextMenu: () => {},
    onMoved: () => {},
  };
  const unbind = bindEvents(cy, events, clock);
  return { cy, reported, expanded, unbind };
}

describe('canvas selection events', () => {
  it('reports the settled selection once for a multi-select', async () => {
    const { cy, reported } = canvasWithSelection();
    cy.$('#a, #b').select();
    await settled();
    expect(reported).toEqual([['a', 'b']]);
  });

  it('drops removed elements from the selection (deleting everything leaves nothing selected)', async () => {
    const { cy, reported } = canvasWithSelection();
    cy.elements().select();
    await settled();
    cy.elements().remove();
    await settled();
    expect(reported.at(-1)).toEqual([]);
  });

  it('drops a removed node and its removed edge while the rest stays selected', async () => {
    const { cy, reported } = canvasWithSelection();
    cy.$('#a, #c, #ab').select();
    await settled();
    cy.$('#a').remove();
    await settled();
    expect(reported.at(-1)).toEqual(['c']);
  });
});

describe('canvas taps', () => {
  it('finds the node whose centre a tap hit, and no node beside it', () => {
    const { cy } = canvasWithSelection();
    expect(nodeAtCentre(cy, { x: 100, y: 0 })?.id()).toBe('b');
    expect(nodeAtCentre(cy, { x: 50, y: 0 })).toBeUndefined();
  });

  it('expands on a double tap on one node, not on two taps on different nodes nor far apart', () => {
    let now = 1_000;
    const { cy, expanded } = canvasWithSelection(() => now);
    cy.$('#a').emit('tap');
    cy.$('#b').emit('tap');
    expect(expanded).toEqual([]);
    now += 100;
    cy.$('#b').emit('tap');
    expect(expanded).toEqual(['b']);
    // A third tap starts a new pair; taps a second apart are two single taps.
    cy.$('#b').emit('tap');
    now += 1_000;
    cy.$('#b').emit('tap');
    expect(expanded).toEqual(['b']);
  });

  it('expands a node double-tapped just after a tap on the background (Cytoscape paired that tap with the first)', () => {
    const { cy, expanded } = canvasWithSelection(() => 1_000);
    cy.emit({ type: 'tap', position: { x: 500, y: 500 } } as unknown as string);
    cy.$('#b').emit('tap');
    cy.$('#b').emit('tap');
    expect(expanded).toEqual(['b']);
  });
});
