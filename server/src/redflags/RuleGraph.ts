import { REL_SPECS, type NodeLabel, type RelType } from '../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../store/GraphStore.ts';
import { isoOf } from './dates.ts';

/** The one label the model allows at an end of a relationship type, when it allows only one. */
function impliedLabel(type: RelType, end: 'source' | 'target'): NodeLabel | undefined {
  const labels = new Set(REL_SPECS[type].endpoints.map(([from, to]) => (end === 'source' ? from : to)));
  return labels.size === 1 ? [...labels][0] : undefined;
}

const EMPTY: readonly RelationshipRecord[] = [];

/**
 * A small in-memory graph of just the relationships and entities the rules read.
 * The rules are written once against it, so every store gives the same flags.
 */
export class RuleGraph {
  private readonly entities = new Map<string, EntityRecord>();
  private readonly outgoing = new Map<string, RelationshipRecord[]>();
  private readonly incoming = new Map<string, RelationshipRecord[]>();
  private readonly byType = new Map<RelType, RelationshipRecord[]>();
  private readonly implied = new Map<string, NodeLabel>();

  constructor(relationships: readonly RelationshipRecord[], entities: readonly EntityRecord[] = []) {
    for (const rel of relationships) {
      push(this.outgoing, `${rel.source}|${rel.type}`, rel);
      push(this.incoming, `${rel.target}|${rel.type}`, rel);
      push(this.byType, rel.type, rel);
      const from = impliedLabel(rel.type, 'source');
      const to = impliedLabel(rel.type, 'target');
      if (from !== undefined) this.implied.set(rel.source, from);
      if (to !== undefined) this.implied.set(rel.target, to);
    }
    this.addEntities(entities);
  }

  addEntities(entities: readonly EntityRecord[]): void {
    for (const entity of entities) this.entities.set(entity.id, entity);
  }

  entity(id: string): EntityRecord | undefined {
    return this.entities.get(id);
  }

  /** The node's label: from its record when fetched, else from a relationship whose model fixes it. */
  labelOf(id: string): NodeLabel | undefined {
    return this.entities.get(id)?.label ?? this.implied.get(id);
  }

  /** The caption to use in a summary. */
  name(id: string): string {
    return this.entities.get(id)?.name ?? id;
  }

  property(id: string, key: string): unknown {
    return this.entities.get(id)?.properties[key];
  }

  ofType(type: RelType): readonly RelationshipRecord[] {
    return this.byType.get(type) ?? EMPTY;
  }

  out(id: string, type: RelType): readonly RelationshipRecord[] {
    return this.outgoing.get(`${id}|${type}`) ?? EMPTY;
  }

  in(id: string, type: RelType): readonly RelationshipRecord[] {
    return this.incoming.get(`${id}|${type}`) ?? EMPTY;
  }

  /** Relationships of this type in either direction, each with the node at the other end. */
  both(id: string, type: RelType): Array<{ rel: RelationshipRecord; other: string }> {
    const result = this.out(id, type).map((rel) => ({ rel, other: rel.target }));
    for (const rel of this.in(id, type)) if (rel.source !== id) result.push({ rel, other: rel.source });
    return result;
  }
}

function push<K>(map: Map<K, RelationshipRecord[]>, key: K, rel: RelationshipRecord): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rel]);
  else list.push(rel);
}

/** A date property of a relationship (`at`, `since`, `until`), when it holds a date. */
export const relDate = (rel: RelationshipRecord, key: 'at' | 'since' | 'until'): string | undefined =>
  isoOf(rel.properties[key]);

/** A numeric property, when it holds a finite number. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}
