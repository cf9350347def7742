/** The pure half of red flags: rules over a rule graph, then ranking. No store involved. */
import type { EntityRecord, RelationshipRecord } from '../model/records.ts';
import { dateSpan, dayOf } from './dates.ts';
import type { FlagDraft } from './rule.ts';
import { RULES } from './rules/index.ts';
import type { RuleGraph } from './RuleGraph.ts';
import type { RedFlag, RuleId, Severity } from './types.ts';

function draftFlags(graph: RuleGraph, rules: readonly RuleId[]): FlagDraft[] {
  return rules.flatMap((id) => RULES[id].evaluate(graph));
}

/** Every node a draft's evidence touches, in first-seen order. */
export function draftNodeIds(draft: FlagDraft): string[] {
  return [...new Set(draft.relationships.flatMap((rel: RelationshipRecord) => [rel.source, rel.target]))];
}

/** Words the drafts once the graph holds their entities. */
export function completeFlag(graph: RuleGraph, draft: FlagDraft): RedFlag {
  const nodes = draftNodeIds(draft)
    .map((id) => graph.entity(id))
    .filter((entity): entity is EntityRecord => entity !== undefined);
  return {
    rule: draft.rule,
    severity: RULES[draft.rule].severity,
    summary: draft.summarize(graph),
    nodes,
    relationships: [...draft.relationships],
    ...dateSpan(draft.dates),
  };
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

/** Severity first, then the most recent last date; undated flags after dated ones; then stable by text. */
export function compareFlags(a: RedFlag, b: RedFlag): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const recencyA = a.lastDate === undefined ? -Infinity : dayOf(a.lastDate);
  const recencyB = b.lastDate === undefined ? -Infinity : dayOf(b.lastDate);
  if (recencyA !== recencyB) return recencyB - recencyA;
  return a.rule.localeCompare(b.rule) || a.summary.localeCompare(b.summary);
}

/** Runs the rules on a graph that already holds every entity (tests, small graphs). */
export function evaluateRules(graph: RuleGraph, rules: readonly RuleId[]): RedFlag[] {
  return draftFlags(graph, rules)
    .map((draft) => completeFlag(graph, draft))
    .sort(compareFlags);
}
