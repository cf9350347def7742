import type { RelType } from '../model/index.ts';
import type { RelationshipRecord } from '../model/records.ts';
import type { RuleGraph } from './RuleGraph.ts';
import type { RuleId, Severity } from './types.ts';

/** A match before its entities are fetched: the evidence, and how to word it once names are known. */
export interface FlagDraft {
  readonly rule: RuleId;
  /** The evidence; the flag's nodes are their endpoints. */
  readonly relationships: readonly RelationshipRecord[];
  /** The dates of the facts involved (first and last are derived from them). */
  readonly dates: ReadonlyArray<string | undefined>;
  readonly summarize: (graph: RuleGraph) => string;
}

export interface Rule {
  readonly id: RuleId;
  readonly severity: Severity;
  /** Every relationship type the rule reads. */
  readonly relTypes: readonly RelType[];
  evaluate(graph: RuleGraph): FlagDraft[];
}

/** Relationships appear once in the evidence even when two paths share them. */
export function uniqueRels(rels: readonly RelationshipRecord[]): RelationshipRecord[] {
  const byId = new Map<string, RelationshipRecord>();
  for (const rel of rels) if (!byId.has(rel.id)) byId.set(rel.id, rel);
  return [...byId.values()];
}
