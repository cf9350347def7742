import type { Core } from 'cytoscape';
import type { DerivedEdge, DerivedNode } from '../model-view/view-projection.ts';
import type { Position } from '../model-view/workspace-file.ts';

/** Group nodes and derived edges (view-projection.ts): drawn beside the workspace's own elements. */
export interface Derived {
  readonly nodes: readonly DerivedNode[];
  readonly edges: readonly DerivedEdge[];
}

export const NO_DERIVED: Derived = { nodes: [], edges: [] };

export function derivedIds(derived: Derived): Set<string> {
  return new Set([...derived.nodes.map((n) => n.id), ...derived.edges.map((e) => e.id)]);
}

/**
 * Adds the derived elements not drawn yet and refreshes captions. A new group node appears at
 * its members' centre: they stay in Cytoscape (hidden), so opening the group finds them in place.
 */
export function syncDerived(cy: Core, derived: Derived, memory: Map<string, Position>): string[] {
  const added: string[] = [];
  for (const node of derived.nodes) {
    const drawn = cy.getElementById(node.id);
    if (drawn.nonempty()) {
      if (drawn.data('caption') !== node.caption) drawn.data('caption', node.caption);
      continue;
    }
    const position = memory.get(node.id) ?? centre(cy, node.shownMembers);
    cy.add({
      group: 'nodes',
      data: { id: node.id, label: 'Group', caption: node.caption, members: node.group.members.length },
      classes: 'group-node',
      position,
    });
    added.push(node.id);
  }
  for (const edge of derived.edges) {
    const drawn = cy.getElementById(edge.id);
    if (drawn.nonempty()) {
      if (drawn.data('caption') !== edge.caption) drawn.data('caption', edge.caption);
      drawn.classes(edge.classes);
      continue;
    }
    const { id, source, target, type, caption } = edge;
    cy.add({ group: 'edges', data: { id, source, target, type, caption }, classes: edge.classes });
  }
  return added;
}

function centre(cy: Core, ids: readonly string[]): Position {
  const points = ids
    .map((id) => cy.getElementById(id))
    .filter((n) => n.nonempty())
    .map((n) => n.position());
  if (points.length === 0) return { x: 0, y: 0 };
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}
