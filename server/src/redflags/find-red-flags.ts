/**
 * Red flags over a store. The rules are pure (rules/*.ts over a RuleGraph); this module only
 * fetches what they read through the graph reads port: a scan of the relationship types the
 * requested rules need, then the entities whose label or properties they need. So every store
 * gives the same flags, and the Neo4j side runs nothing but its (linted) scans.
 */
import { REL_SPECS, type RelType } from '../model/index.ts';
import { LimitExceededError, UserInputError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { GraphReads } from '../store/ports/GraphReads.ts';
import type { ReadScope, TxMeta } from '../store/ports/read-scope.ts';
import type { EntityRecord, RelationshipRecord } from '../model/records.ts';
import { compareFlags, completeFlag, draftFlags, draftNodeIds } from './evaluate.ts';
import { RULES } from './rules/index.ts';
import { RuleGraph } from './RuleGraph.ts';
import { isRuleId, RULE_IDS, type RedFlag, type RuleId } from './types.ts';

/** Relationships read per type unless the deps say otherwise (MAILLON_RED_FLAG_SCAN_LIMIT). */
const SCAN_LIMIT_PER_TYPE = 5_000_000;
const ENTITY_BATCH = 1_000;

/** Types whose end nodes the rules read properties of (organization kind, event outcome, shipment weights). */
const PROPERTY_ENDS: ReadonlyArray<readonly [RelType, 'source' | 'target']> = [
  ['MEMBER_OF', 'target'],
  ['INVOLVED_IN', 'target'],
  ['MONITORED', 'target'],
];

export interface RedFlagDeps {
  readonly store: Pick<GraphReads, 'scanRelationships' | 'getEntities'>;
  readonly scope: ReadScope;
  readonly meta: TxMeta;
  /** Told when a scan is truncated. */
  readonly logger: Logger;
  /** Relationships read per type at most; a type with more refuses the answer (default 5,000,000). */
  readonly scanLimit?: number;
}

/** What a red-flag answer read of one relationship type. */
interface TypeScan {
  readonly type: RelType;
  readonly relationships: number;
  readonly truncated: boolean;
}

export interface RedFlagQuery {
  /** Rule ids; every rule when absent or empty. */
  readonly rules?: readonly string[];
  readonly limit: number;
}

export function parseRules(rules: readonly string[] | undefined): RuleId[] {
  if (rules === undefined || rules.length === 0) return [...RULE_IDS];
  const unknown = rules.filter((rule) => !isRuleId(rule));
  if (unknown.length > 0) {
    throw new UserInputError(`Unknown red-flag rule ${unknown.join(', ')}. Valid rules: ${RULE_IDS.join(', ')}.`, {
      validRules: [...RULE_IDS],
    });
  }
  return [...new Set(rules as RuleId[])];
}

export async function findRedFlags(deps: RedFlagDeps, query: RedFlagQuery): Promise<RedFlag[]> {
  const rules = parseRules(query.rules);
  if (!Number.isInteger(query.limit) || query.limit < 0)
    throw new UserInputError('limit must be a non-negative integer.');
  const hidden = new Set<RelType>(deps.scope.hiddenRelTypes);
  const types = [...new Set(rules.flatMap((id) => RULES[id].relTypes))].filter((type) => !hidden.has(type));

  const relationships = await scanAll(deps, types);
  const graph = new RuleGraph(relationships);
  graph.addEntities(await fetchEntities(deps, idsTheRulesRead(relationships)));

  const drafts = draftFlags(graph, rules);
  const missing = new Set(drafts.flatMap(draftNodeIds).filter((id) => graph.entity(id) === undefined));
  graph.addEntities(await fetchEntities(deps, [...missing]));
  return drafts
    .map((draft) => completeFlag(graph, draft))
    .sort(compareFlags)
    .slice(0, query.limit);
}

/**
 * Every relationship of `types`, or a refusal that says what was read: flags from a cut
 * scan would miss patterns without saying so (an official's tie past the cut is not checked).
 */
async function scanAll(deps: RedFlagDeps, types: readonly RelType[]): Promise<RelationshipRecord[]> {
  const limit = deps.scanLimit ?? SCAN_LIMIT_PER_TYPE;
  const all: RelationshipRecord[] = [];
  const scans: TypeScan[] = [];
  for (const type of types) {
    const scan = await deps.store.scanRelationships({ types: [type], limit }, deps.scope, deps.meta);
    scans.push({ type, relationships: scan.relationships.length, truncated: scan.truncated });
    for (const rel of scan.relationships) all.push(rel);
  }
  const cut = scans.filter((scan) => scan.truncated);
  if (cut.length > 0) {
    deps.logger.warn({ component: 'redflags', scans, limit }, 'red-flag scan over its limit: answer refused');
    throw new LimitExceededError(
      `Red flags were not computed: more than ${limit.toLocaleString('en')} ${cut.map((s) => s.type).join(', ')} ` +
        `relationships to read (read: ${scans.map((s) => `${s.type} ${s.relationships.toLocaleString('en')}${s.truncated ? '+' : ''}`).join(', ')}). ` +
        'Ask for fewer rules, or have an admin raise MAILLON_RED_FLAG_SCAN_LIMIT.',
      { scanned: scans },
    );
  }
  return all;
}

/** Ends whose label the model leaves open (PAID's target may be a Person or an Informant), and PROPERTY_ENDS. */
function idsTheRulesRead(relationships: readonly RelationshipRecord[]): string[] {
  const ids = new Set<string>();
  for (const rel of relationships) {
    const endpoints = REL_SPECS[rel.type].endpoints;
    const open = (index: 0 | 1) => new Set(endpoints.map((pair) => pair[index])).size > 1;
    const readsProperties = (end: 'source' | 'target') =>
      PROPERTY_ENDS.some(([type, which]) => type === rel.type && which === end);
    if (open(0) || readsProperties('source')) ids.add(rel.source);
    if (open(1) || readsProperties('target')) ids.add(rel.target);
  }
  return [...ids];
}

async function fetchEntities(deps: RedFlagDeps, ids: readonly string[]): Promise<EntityRecord[]> {
  const entities: EntityRecord[] = [];
  for (let start = 0; start < ids.length; start += ENTITY_BATCH) {
    const batch = await deps.store.getEntities(ids.slice(start, start + ENTITY_BATCH), deps.meta);
    for (const entity of batch) entities.push(entity);
  }
  return entities;
}
