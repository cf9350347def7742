import type { GraphDoc } from './graph-doc.ts';
import type { Visible } from './filters.ts';
import { dayToIso, nodeInterval, relationshipInterval } from './time.ts';

/** One dated thing on the canvas: an Event (a point) or a relationship (a point or a since–until range). */
export interface TimelineItem {
  readonly id: string;
  readonly kind: 'node' | 'edge';
  /** Short text shown on hover, e.g. "LOOKED_UP: Officer A → Case 7 · 2024-03-03". */
  readonly label: string;
  /** First and last day; an open end of a range is clamped to the other dates of the view. */
  readonly from: number;
  readonly to: number;
  readonly openStart: boolean;
  readonly openEnd: boolean;
}

function dateText(from: number, to: number, openStart: boolean, openEnd: boolean): string {
  if (from === to && !openStart && !openEnd) return dayToIso(from);
  return `${openStart ? '…' : dayToIso(from)} – ${openEnd ? '…' : dayToIso(to)}`;
}

/** The dated Events and relationships that are drawn, sorted by start; reuses the time bar's date reading. */
export function timelineItems(doc: GraphDoc, visible: Visible): TimelineItem[] {
  const raw: { id: string; kind: 'node' | 'edge'; name: string; from: number; to: number }[] = [];
  for (const id of visible.nodes) {
    const node = doc.nodes.get(id);
    const interval = node && nodeInterval(node);
    if (node && interval) raw.push({ id, kind: 'node', name: node.name, ...interval });
  }
  for (const id of visible.relationships) {
    const rel = doc.relationships.get(id);
    const interval = rel && relationshipInterval(rel);
    if (!rel || !interval) continue;
    const ends = `${doc.nodes.get(rel.source)?.name ?? rel.source} → ${doc.nodes.get(rel.target)?.name ?? rel.target}`;
    raw.push({ id, kind: 'edge', name: `${rel.type}: ${ends}`, ...interval });
  }
  const finite = raw.flatMap((r) => [r.from, r.to]).filter((day) => Number.isFinite(day));
  if (finite.length === 0) return [];
  const first = Math.min(...finite);
  const last = Math.max(...finite);
  return raw
    .map((r) => {
      const openStart = !Number.isFinite(r.from);
      const openEnd = !Number.isFinite(r.to);
      const from = openStart ? Math.min(first, r.to) : r.from;
      const to = openEnd ? Math.max(last, from) : r.to;
      return {
        id: r.id,
        kind: r.kind,
        label: `${r.name} · ${dateText(from, to, openStart, openEnd)}`,
        from,
        to,
        openStart,
        openEnd,
      };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to || a.id.localeCompare(b.id));
}

/** Maps days to x pixels over [left, right]; a single day sits in the middle. */
export function dayScale(input: { from: number; to: number; left: number; right: number }): (day: number) => number {
  const { from, to, left, right } = input;
  if (to <= from) return () => (left + right) / 2;
  return (day) => left + ((day - from) / (to - from)) * (right - left);
}

/** Room an ISO date label takes on the axis at the timeline's font size, with a gap. */
export const AXIS_LABEL_WIDTH = 72;

/**
 * The days labelled on the axis: the first and the last, and evenly spaced ones between, no more
 * than fit side by side in `width` pixels so that no two labels overlap.
 */
export function axisTicks(first: number, last: number, width: number): number[] {
  if (first >= last) return [first];
  // Between the first label (anchored at its start) and a centred one lie one and a half labels.
  const fit = Math.floor(width / (1.5 * AXIS_LABEL_WIDTH)) + 1;
  const count = Math.max(2, Math.min(5, fit));
  const days = Array.from({ length: count }, (_, k) => Math.round(first + ((last - first) * k) / (count - 1)));
  return [...new Set(days)];
}

/** A mark's horizontal extent in pixels, as drawn. */
export interface Span {
  readonly id: string;
  readonly x1: number;
  readonly x2: number;
}

/**
 * Greedy interval packing: each span goes in the first row whose last span ends at least `gap` pixels
 * before it starts, so marks never overlap. Spans must be sorted by x1. Returns id → row (0 = top).
 */
export function packRows(spans: readonly Span[], gap: number): Map<string, number> {
  const rowEnds: number[] = [];
  const rows = new Map<string, number>();
  for (const span of spans) {
    let row = rowEnds.findIndex((end) => end + gap <= span.x1);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = span.x2;
    rows.set(span.id, row);
  }
  return rows;
}

/**
 * Marks tied to the canvas selection without being selected themselves: dated relationships of a selected
 * node and the dated Events next to it, so selecting a person lights up when things happened to them.
 */
export function relatedMarks(input: { doc: GraphDoc; visible: Visible; selection: readonly string[] }): Set<string> {
  const { doc, visible, selection } = input;
  const selectedNodes = new Set(selection.filter((id) => doc.nodes.has(id)));
  const related = new Set<string>();
  for (const id of visible.relationships) {
    const rel = doc.relationships.get(id);
    if (!rel) continue;
    const touchesSource = selectedNodes.has(rel.source);
    const touchesTarget = selectedNodes.has(rel.target);
    if (!touchesSource && !touchesTarget) continue;
    related.add(id);
    if (touchesSource) related.add(rel.target);
    if (touchesTarget) related.add(rel.source);
  }
  for (const id of selection) related.delete(id);
  return related;
}
