import type { EntityRecord, RelationshipRecord } from '../model/records.ts';

/** The rule ids of MODEL.md. They are a contract: the API, the client and the acceptance checks use them. */
export const RULE_IDS = [
  'official-criminal-tie',
  'paid-lookup',
  'unassigned-lookup',
  'lookup-before-escape',
  'shipment-discrepancy',
  'informant-paid-in-kind',
  'intimidation-of-official',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'high' | 'medium' | 'low';

export const isRuleId = (value: string): value is RuleId => (RULE_IDS as readonly string[]).includes(value);

/** A pattern found in the graph, with exactly the evidence that makes it. */
export interface RedFlag {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** One sentence naming the actors and the facts, worded as allegations. */
  readonly summary: string;
  readonly nodes: EntityRecord[];
  readonly relationships: RelationshipRecord[];
  /** Earliest and latest ISO dates among the facts of the pattern, when any is dated. */
  readonly firstDate?: string;
  readonly lastDate?: string;
}
