/**
 * The explorer graph's shape in compact arrays (compressed sparse rows): for each
 * node, the slice of `slotNode`/`slotRel` between `offsets[i]` and `offsets[i + 1]`
 * lists its neighbours and the relationships leading there, both directions. No
 * properties: an adapter keeps it to walk the graph without a query per level and
 * fetches records only for what a walk returns.
 *
 * Relationships are known by type, ends and `ref`, a number the adapter chooses to
 * find the record again (Kùzu: the offset in its table), not by their string id:
 * that keeps the build from materialising millions of strings. Memory: 8 bytes
 * per relationship end, 13 per relationship, the node id strings and their map;
 * built in one pass, without per-node objects or arrays.
 */
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/index.ts';
import type { ReadScope } from '../ports/read-scope.ts';

const LABEL_CODE = new Map<NodeLabel, number>(NODE_LABELS.map((label, i) => [label, i]));
const TYPE_CODE = new Map<RelType, number>(REL_TYPES.map((type, i) => [type, i]));

/** One flag per relationship type (REL_TYPES order): 1 when a walk may follow it. */
export type TypeMask = Uint8Array;

/** Visible types for this scope, narrowed to `wanted` when given. */
export function typeMask(scope: ReadScope, wanted?: readonly RelType[]): TypeMask {
  const mask = new Uint8Array(REL_TYPES.length);
  const hidden = new Set(scope.hiddenRelTypes);
  const asked = wanted === undefined ? undefined : new Set(wanted);
  REL_TYPES.forEach((type, i) => {
    mask[i] = !hidden.has(type) && (asked === undefined || asked.has(type)) ? 1 : 0;
  });
  return mask;
}

/** A Uint32Array that doubles as it fills, so a build holds no array of boxed numbers. */
class GrowingUint32 {
  private data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export class SnapshotBuilder {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly labels: number[] = [];
  private readonly relRefs = new GrowingUint32();
  private readonly relTypes: number[] = [];
  private readonly relSource = new GrowingUint32();
  private readonly relTarget = new GrowingUint32();

  /** The node's index (its earlier one when the id was added before). */
  addNode(id: string, label: NodeLabel): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const index = this.ids.length;
    this.index.set(id, index);
    this.ids.push(id);
    this.labels.push(LABEL_CODE.get(label) ?? 0);
    return index;
  }

  /** Ends are indexes returned by addNode. */
  addRelationship(rel: { ref: number; type: RelType; source: number; target: number }): void {
    this.relRefs.push(rel.ref);
    this.relTypes.push(TYPE_CODE.get(rel.type) ?? 0);
    this.relSource.push(rel.source);
    this.relTarget.push(rel.target);
  }

  finish(): AdjacencySnapshot {
    const relSource = this.relSource.done();
    const relTarget = this.relTarget.done();
    return new AdjacencySnapshot({
      nodeCount: this.ids.length,
      ids: this.ids,
      index: this.index,
      labels: Uint8Array.from(this.labels),
      ...slotsOf(this.ids.length, relSource, relTarget),
      relRefs: this.relRefs.done(),
      relTypes: Uint8Array.from(this.relTypes),
      relSource,
      relTarget,
    });
  }
}

/** Typed-array reads are numbers at run time; `?? 0` only satisfies the index check. */
const at = (array: Uint32Array, i: number): number => array[i] ?? 0;

/** The compressed sparse rows of the relationships `relSource[r]`–`relTarget[r]` over `nodeCount` nodes. */
function slotsOf(
  nodeCount: number,
  relSource: Uint32Array,
  relTarget: Uint32Array,
): Pick<SnapshotArrays, 'offsets' | 'slotNode' | 'slotRel'> {
  const offsets = new Uint32Array(nodeCount + 1);
  for (let r = 0; r < relSource.length; r++) {
    const s = at(relSource, r);
    const t = at(relTarget, r);
    offsets[s + 1] = at(offsets, s + 1) + 1;
    // A self-loop is one relationship of its node, listed once.
    if (s !== t) offsets[t + 1] = at(offsets, t + 1) + 1;
  }
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = at(offsets, i + 1) + at(offsets, i);
  const next = offsets.slice(0, nodeCount);
  const slots = at(offsets, nodeCount);
  const slotNode = new Uint32Array(slots);
  const slotRel = new Uint32Array(slots);
  const place = (node: number, other: number, rel: number): void => {
    const slot = at(next, node);
    next[node] = slot + 1;
    slotNode[slot] = other;
    slotRel[slot] = rel;
  };
  for (let r = 0; r < relSource.length; r++) {
    const s = at(relSource, r);
    const t = at(relTarget, r);
    place(s, t, r);
    if (s !== t) place(t, s, r);
  }
  return { offsets, slotNode, slotRel };
}

function concatenated<T extends Uint8Array | Uint32Array>(old: T, more: readonly number[], make: (n: number) => T): T {
  const out = make(old.length + more.length);
  out.set(old);
  out.set(more, old.length);
  return out;
}

/** Nodes and relationships added to a graph since its snapshot was taken, relationships by their ends' ids. */
export interface SnapshotAdditions {
  readonly nodes: ReadonlyArray<{ readonly id: string; readonly label: NodeLabel }>;
  readonly relationships: ReadonlyArray<{
    readonly ref: number;
    readonly type: RelType;
    readonly source: string;
    readonly target: string;
  }>;
}

interface SnapshotArrays {
  /**
   * Nodes of this snapshot: the first `nodeCount` of `ids`. An extended snapshot
   * appends to the same `ids` and `index` (nothing is ever removed from them), so
   * the one it replaces, still serving walks in flight, ignores entries past its own.
   */
  readonly nodeCount: number;
  readonly ids: string[];
  readonly index: Map<string, number>;
  readonly labels: Uint8Array;
  readonly offsets: Uint32Array;
  readonly slotNode: Uint32Array;
  readonly slotRel: Uint32Array;
  readonly relRefs: Uint32Array;
  readonly relTypes: Uint8Array;
  readonly relSource: Uint32Array;
  readonly relTarget: Uint32Array;
}

export class AdjacencySnapshot {
  private readonly labelCounts: Uint32Array;

  constructor(private readonly a: SnapshotArrays) {
    this.labelCounts = new Uint32Array(NODE_LABELS.length);
    for (const code of a.labels) this.labelCounts[code] = (this.labelCounts[code] ?? 0) + 1;
  }

  get nodeCount(): number {
    return this.a.nodeCount;
  }

  get relationshipCount(): number {
    return this.a.relRefs.length;
  }

  /** Rough bytes held by the arrays, the node id strings and their map, for logs. */
  get approximateBytes(): number {
    const { labels, offsets, slotNode, slotRel, relRefs, relTypes, relSource, relTarget } = this.a;
    const typed = [labels, offsets, slotNode, slotRel, relRefs, relTypes, relSource, relTarget];
    // A short one-byte string: ~16 bytes of header plus its characters; ~40 bytes per map entry and array slot.
    let ids = 0;
    for (let node = 0; node < this.a.nodeCount; node++) ids += 56 + (this.a.ids[node]?.length ?? 0);
    return typed.reduce((sum, t) => sum + t.byteLength, 0) + ids;
  }

  indexOf(id: string): number | undefined {
    const node = this.a.index.get(id);
    return node !== undefined && node < this.a.nodeCount ? node : undefined;
  }

  idOf(node: number): string {
    return this.a.ids[node] ?? '';
  }

  /** Nodes of this label (adapters size their lookups by it). */
  countOf(label: NodeLabel): number {
    return this.labelCounts[LABEL_CODE.get(label) ?? -1] ?? 0;
  }

  labelOf(node: number): NodeLabel {
    return NODE_LABELS[this.a.labels[node] ?? 0] ?? NODE_LABELS[0];
  }

  /** Calls `visit` for each relationship of `node` whose type the mask allows, in a stable order. */
  forEachNeighbour(node: number, mask: TypeMask, visit: (other: number, rel: number) => void): void {
    const end = this.a.offsets[node + 1] ?? 0;
    for (let slot = this.a.offsets[node] ?? 0; slot < end; slot++) {
      const rel = this.a.slotRel[slot] as number;
      if (mask[this.a.relTypes[rel] as number] === 1) visit(this.a.slotNode[slot] as number, rel);
    }
  }

  /**
   * This snapshot with `added` in it, without reading the graph again: the
   * relationship arrays are copied and the slots laid out afresh (linear in the
   * graph, no per-node objects). Undefined when a relationship names a node that
   * is in neither, which only an import that did more than add can cause.
   */
  extended(added: SnapshotAdditions): AdjacencySnapshot | undefined {
    const { ids, index } = this.a;
    // Another extension of the same base would see this one's nodes as its own.
    if (ids.length !== this.a.nodeCount) return undefined;
    const labels: number[] = [];
    for (const node of added.nodes) {
      if (index.has(node.id)) continue;
      index.set(node.id, ids.length);
      ids.push(node.id);
      labels.push(LABEL_CODE.get(node.label) ?? 0);
    }
    const refs: number[] = [];
    const types: number[] = [];
    const sources: number[] = [];
    const targets: number[] = [];
    for (const rel of added.relationships) {
      const source = index.get(rel.source);
      const target = index.get(rel.target);
      if (source === undefined || target === undefined) return undefined;
      refs.push(rel.ref);
      types.push(TYPE_CODE.get(rel.type) ?? 0);
      sources.push(source);
      targets.push(target);
    }
    const relSource = concatenated(this.a.relSource, sources, (n) => new Uint32Array(n));
    const relTarget = concatenated(this.a.relTarget, targets, (n) => new Uint32Array(n));
    return new AdjacencySnapshot({
      nodeCount: ids.length,
      ids,
      index,
      labels: concatenated(this.a.labels, labels, (n) => new Uint8Array(n)),
      ...slotsOf(ids.length, relSource, relTarget),
      relRefs: concatenated(this.a.relRefs, refs, (n) => new Uint32Array(n)),
      relTypes: concatenated(this.a.relTypes, types, (n) => new Uint8Array(n)),
      relSource,
      relTarget,
    });
  }

  relationship(rel: number): { ref: number; type: RelType; source: number; target: number } {
    return {
      ref: this.a.relRefs[rel] ?? 0,
      type: REL_TYPES[this.a.relTypes[rel] ?? 0] ?? REL_TYPES[0],
      source: this.a.relSource[rel] ?? 0,
      target: this.a.relTarget[rel] ?? 0,
    };
  }
}
