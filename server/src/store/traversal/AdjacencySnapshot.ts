/**
 * The explorer graph's shape in compact arrays (compressed sparse rows): for each
 * node, the slice of `slotNode`/`slotRel` between `offsets[i]` and `offsets[i + 1]`
 * lists its neighbours and the relationships leading there, both directions. No
 * properties: an adapter keeps it to walk the graph without a query per level and
 * fetches records only for what a walk returns.
 *
 * Memory: about 16 bytes per relationship end plus the id strings; built from
 * plain rows in one pass, so no per-node objects or arrays.
 */
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from '../../model/index.ts';
import type { ReadScope } from '../GraphStore.ts';

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
  private readonly relIds: string[] = [];
  private readonly relTypes: number[] = [];
  private readonly relSource = new GrowingUint32();
  private readonly relTarget = new GrowingUint32();

  addNode(id: string, label: NodeLabel): void {
    if (this.index.has(id)) return;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
    this.labels.push(LABEL_CODE.get(label) ?? 0);
  }

  /** Returns false (and adds nothing) when an end is not a known node. */
  addRelationship(rel: { id: string; type: RelType; source: string; target: string }): boolean {
    const source = this.index.get(rel.source);
    const target = this.index.get(rel.target);
    if (source === undefined || target === undefined) return false;
    this.relIds.push(rel.id);
    this.relTypes.push(TYPE_CODE.get(rel.type) ?? 0);
    this.relSource.push(source);
    this.relTarget.push(target);
    return true;
  }

  finish(): AdjacencySnapshot {
    const nodeCount = this.ids.length;
    const relSource = this.relSource.done();
    const relTarget = this.relTarget.done();
    // Typed-array reads are numbers at run time; `?? 0` only satisfies the index check.
    const at = (array: Uint32Array, i: number): number => array[i] ?? 0;
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
    return new AdjacencySnapshot({
      ids: this.ids,
      index: this.index,
      labels: Uint8Array.from(this.labels),
      offsets,
      slotNode,
      slotRel,
      relIds: this.relIds,
      relTypes: Uint8Array.from(this.relTypes),
      relSource,
      relTarget,
    });
  }
}

interface SnapshotArrays {
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly labels: Uint8Array;
  readonly offsets: Uint32Array;
  readonly slotNode: Uint32Array;
  readonly slotRel: Uint32Array;
  readonly relIds: readonly string[];
  readonly relTypes: Uint8Array;
  readonly relSource: Uint32Array;
  readonly relTarget: Uint32Array;
}

export class AdjacencySnapshot {
  constructor(private readonly a: SnapshotArrays) {}

  get nodeCount(): number {
    return this.a.ids.length;
  }

  get relationshipCount(): number {
    return this.a.relIds.length;
  }

  /** Rough bytes held by the typed arrays and id strings, for logs. */
  get approximateBytes(): number {
    const typed = [this.a.labels, this.a.offsets, this.a.slotNode, this.a.slotRel, this.a.relTypes];
    const arrays = typed.reduce((sum, t) => sum + t.byteLength, 0) + this.a.relSource.byteLength * 2;
    // A short one-byte string is ~16 bytes of header plus its characters, plus the slot holding it.
    const strings = (ids: readonly string[]): number => ids.reduce((sum, id) => sum + 24 + id.length, 0);
    return arrays + strings(this.a.ids) * 2 + strings(this.a.relIds);
  }

  indexOf(id: string): number | undefined {
    return this.a.index.get(id);
  }

  idOf(node: number): string {
    return this.a.ids[node] ?? '';
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

  relationship(rel: number): { id: string; type: RelType; source: number; target: number } {
    return {
      id: this.a.relIds[rel] ?? '',
      type: REL_TYPES[this.a.relTypes[rel] ?? 0] ?? REL_TYPES[0],
      source: this.a.relSource[rel] ?? 0,
      target: this.a.relTarget[rel] ?? 0,
    };
  }
}
