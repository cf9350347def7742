/** What the three lookup rules share: an official's consultation of a record and whom it concerns. */
import type { RelationshipRecord } from '../../model/records.ts';
import { relDate, type RuleGraph } from '../RuleGraph.ts';
import { employmentsAt } from '../roles.ts';

export interface Lookup {
  readonly consulted: RelationshipRecord;
  readonly official: string;
  readonly record: string;
  readonly at: string | undefined;
  /** The employments that make the consulting person an official at the time of the lookup. */
  readonly employments: RelationshipRecord[];
  /** One per entity the record concerns. */
  readonly concerns: readonly RelationshipRecord[];
}

/** Every consultation made by someone who was an official at the time of it. */
export function officialLookups(graph: RuleGraph): Lookup[] {
  const lookups: Lookup[] = [];
  for (const consulted of graph.ofType('CONSULTED')) {
    const at = relDate(consulted, 'at');
    const employments = employmentsAt(graph, consulted.source, at);
    if (employments.length === 0) continue;
    lookups.push({
      consulted,
      official: consulted.source,
      record: consulted.target,
      at,
      employments,
      concerns: graph.out(consulted.target, 'CONCERNS'),
    });
  }
  return lookups;
}
