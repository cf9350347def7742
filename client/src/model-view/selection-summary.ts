/**
 * What several selected nodes have in common, among what is drawn: how many of each label,
 * and the neighbours two or more of them share (the broker between two suspects, the
 * agency three officers work for). Pure: the details panel renders it.
 */
import type { Entity } from '../api/types.ts';
import type { Visible } from './filters.ts';
import type { GraphDoc } from './graph-doc.ts';

interface SharedNeighbour {
  readonly entity: Entity;
  /** How many of the selected nodes it is linked to. */
  readonly linked: number;
}

export interface SelectionSummary {
  readonly count: number;
  readonly byLabel: ReadonlyArray<{ readonly label: string; readonly count: number }>;
  /** Linked to at least two selected nodes, most linked first, then by name. */
  readonly shared: readonly SharedNeighbour[];
  /** Relationships drawn between two selected nodes. */
  readonly between: number;
}

export function summarizeSelection(doc: GraphDoc, selection: readonly string[], visible: Visible): SelectionSummary {
  const selected = new Set(selection.filter((id) => doc.nodes.has(id) && visible.nodes.has(id)));
  const labels = new Map<string, number>();
  for (const id of selected) {
    const label = doc.nodes.get(id)?.label ?? '';
    labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  // Neighbour id -> the selected nodes it touches (a set: parallel relationships count once).
  const touching = new Map<string, Set<string>>();
  let between = 0;
  for (const rel of doc.relationships.values()) {
    if (!visible.relationships.has(rel.id)) continue;
    const s = selected.has(rel.source);
    const t = selected.has(rel.target);
    if (s && t) between++;
    else if (s || t) {
      const [mine, other] = s ? [rel.source, rel.target] : [rel.target, rel.source];
      const set = touching.get(other) ?? new Set<string>();
      set.add(mine);
      touching.set(other, set);
    }
  }
  const shared = [...touching.entries()].flatMap(([id, set]) => {
    const entity = doc.nodes.get(id);
    return entity && set.size >= 2 ? [{ entity, linked: set.size }] : [];
  });
  shared.sort((a, b) => b.linked - a.linked || a.entity.name.localeCompare(b.entity.name));
  return {
    count: selected.size,
    byLabel: [...labels.entries()]
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    shared,
    between,
  };
}
