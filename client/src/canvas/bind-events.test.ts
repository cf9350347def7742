import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { bindEvents, type CanvasEvents } from './bind-events.ts';

const settled = () => new Promise((resolve) => setTimeout(resolve, 5));

function canvasWithSelection() {
  const cy = cytoscape({
    headless: true,
    elements: [
      { data: { id: 'a' } },
      { data: { id: 'b' } },
      { data: { id: 'c' } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
    ],
  });
  const reported: string[][] = [];
  const events: CanvasEvents = {
    onSelectionChange: (ids) => reported.push(ids),
    onExpand: () => {},
    onContextMenu: () => {},
    onMoved: () => {},
  };
  const unbind = bindEvents(cy, events);
  return { cy, reported, unbind };
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
