import type { Entity, Path, Relationship } from '../api/types.ts';
import { allegedStatus } from './elements.ts';
import { messages } from '../i18n/current.ts';
import { propertyName } from './property-names.ts';

/** "since 2019-03-01 until 2021-06-30", "on 2020-01-15", or "" when undated. */
export function describeDates(properties: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  const text = (key: string) => (typeof properties[key] === 'string' ? String(properties[key]) : undefined);
  const at = text('at');
  const words = messages().dates;
  if (at) parts.push(words.on(at));
  const since = text('since');
  if (since) parts.push(words.since(since));
  const until = text('until');
  if (until) parts.push(words.until(until));
  return parts.join(' ');
}

interface RelationshipLine {
  readonly relationship: Relationship;
  readonly direction: 'out' | 'in';
  readonly other: Entity | undefined;
  readonly otherId: string;
  readonly dates: string;
  /** Other facts about the relationship, e.g. "role: intended target". */
  readonly detail: string;
  readonly alleged?: string;
}

const NOT_DETAIL = new Set(['at', 'since', 'until', 'sources', 'id']);

/** "role: intended target, amount: 5000" from a relationship's properties (dates and provenance left out). */
function describeDetail(properties: Readonly<Record<string, unknown>>): string {
  return Object.entries(properties)
    .filter(([key, value]) => !NOT_DETAIL.has(key) && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => messages().dates.fact(propertyName(key), formatValue(value)))
    .join(', ');
}

export interface RelationshipGroup {
  readonly type: string;
  readonly lines: readonly RelationshipLine[];
}

/** The relationships of `centerId`, grouped by type (alphabetical), oldest first within a group. */
export function groupRelationships(
  centerId: string,
  relationships: Iterable<Relationship>,
  nodes: ReadonlyMap<string, Entity>,
): RelationshipGroup[] {
  const groups = new Map<string, RelationshipLine[]>();
  for (const rel of relationships) {
    if (rel.source !== centerId && rel.target !== centerId) continue;
    const direction = rel.source === centerId ? 'out' : 'in';
    const otherId = direction === 'out' ? rel.target : rel.source;
    const status = allegedStatus(rel);
    const line: RelationshipLine = {
      relationship: rel,
      direction,
      other: nodes.get(otherId),
      otherId,
      dates: describeDates(rel.properties),
      detail: describeDetail(rel.properties),
      ...(status ? { alleged: status } : {}),
    };
    groups.set(rel.type, [...(groups.get(rel.type) ?? []), line]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, lines]) => ({ type, lines: [...lines].sort((a, b) => a.dates.localeCompare(b.dates)) }));
}

export interface PathStep {
  readonly from: Entity;
  readonly to: Entity;
  readonly type: string;
  /** Whether the relationship points along the path (from → to) or against it. */
  readonly forward: boolean;
  readonly dates: string;
}

/** A path as steps to read aloud: "A —PAID→ B", "B ←MEMBER_OF— C". */
export function pathSteps(path: Path): PathStep[] {
  const steps: PathStep[] = [];
  path.relationships.forEach((rel, i) => {
    const from = path.nodes[i];
    const to = path.nodes[i + 1];
    if (!from || !to) return;
    steps.push({ from, to, type: rel.type, forward: rel.source === from.id, dates: describeDates(rel.properties) });
  });
  return steps;
}

/** Readable value of a property for the details panel. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
