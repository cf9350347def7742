/** Builds rule graphs from tiny literals for the rules' unit tests. */
import type { NodeLabel, RelType } from '../../server/src/model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../../server/src/model/records.ts';
import { evaluateRules } from '../../server/src/redflags/evaluate.ts';
import { RuleGraph } from '../../server/src/redflags/RuleGraph.ts';
import type { RedFlag, RuleId } from '../../server/src/redflags/types.ts';

export type NodeLiteral = readonly [id: string, label: NodeLabel, properties?: Record<string, unknown>];
export type RelLiteral = readonly [source: string, type: RelType, target: string, properties?: Record<string, unknown>];

export function graphOf(nodes: readonly NodeLiteral[], rels: readonly RelLiteral[]): RuleGraph {
  const entities: EntityRecord[] = nodes.map(([id, label, properties = {}]) => ({
    id,
    label,
    name: typeof properties.name === 'string' ? properties.name : id,
    properties,
    sources: [],
  }));
  const relationships: RelationshipRecord[] = rels.map(([source, type, target, properties = {}], index) => ({
    id: `r${index}`,
    type,
    source,
    target,
    properties,
    sources: [],
  }));
  return new RuleGraph(relationships, entities);
}

export function flagsOf(rule: RuleId, nodes: readonly NodeLiteral[], rels: readonly RelLiteral[]): RedFlag[] {
  return evaluateRules(graphOf(nodes, rels), [rule]);
}

/** The base cast most tests share: an agency, a clan, an officer and a clan member. */
export const CAST: readonly NodeLiteral[] = [
  ['agency', 'Agency', { name: 'Brigade Nord', kind: 'police' }],
  ['clan', 'Organization', { name: 'Clan Varosse', kind: 'criminal' }],
  ['company', 'Organization', { name: 'Zelmora Trading', kind: 'company' }],
  ['officer', 'Person', { name: 'Odile Parvenche' }],
  ['dealer', 'Person', { name: 'Bastien Quorel' }],
  ['civilian', 'Person', { name: 'Lucie Tambrel' }],
  ['case', 'Case', { name: 'Case Aubade', kind: 'police' }],
  ['record', 'Record', { name: 'TAJ entry 4411', system: 'TAJ' }],
];

export const EMPLOYED: RelLiteral = ['officer', 'EMPLOYED_BY', 'agency', { since: '2015-01-01' }];
export const MEMBER: RelLiteral = ['dealer', 'MEMBER_OF', 'clan', {}];
