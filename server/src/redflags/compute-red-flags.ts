/**
 * One red-flag computation over a store: a scan of each relationship type the rules read, then
 * the entities whose label or properties they read, then the rules. It reports each type's scan
 * as it ends and gives the event loop a turn between scans, batches and rules, so that a
 * computation in the background (RedFlagBook) never holds up the requests around it.
 */
import { setImmediate as nextTurn, setTimeout as wait } from 'node:timers/promises';
import { REL_SPECS, type RelType } from '../model/index.ts';
import type { EntityRecord, RelationshipRecord } from '../model/records.ts';
import type { GraphReads } from '../store/ports/GraphReads.ts';
import type { ReadScope, TxMeta } from '../store/ports/read-scope.ts';
import { compareFlags, completeFlag, draftNodeIds } from './evaluate.ts';
import type { FlagDraft } from './rule.ts';
import { RULES } from './rules/index.ts';
import { RuleGraph } from './RuleGraph.ts';
import type { RedFlag, RuleId } from './types.ts';

/** Relationships read per type unless told otherwise (MAILLON_RED_FLAG_SCAN_LIMIT). */
const SCAN_LIMIT_PER_TYPE = 5_000_000;
const ENTITY_BATCH = 1_000;

/** Types whose end nodes the rules read properties of (organization kind, event outcome, shipment weights). */
const PROPERTY_ENDS: ReadonlyArray<readonly [RelType, 'source' | 'target']> = [
  ['MEMBER_OF', 'target'],
  ['INVOLVED_IN', 'target'],
  ['MONITORED', 'target'],
];

/** What a computation read of one relationship type. */
export interface TypeScan {
  readonly type: RelType;
  readonly relationships: number;
  readonly truncated: boolean;
}

export interface ComputeDeps {
  readonly store: Pick<GraphReads, 'scanRelationships' | 'getEntities'>;
  readonly scope: ReadScope;
  readonly meta: TxMeta;
  /** Relationships read per type at most; a rule that reads a type with more is refused (default 5,000,000). */
  readonly scanLimit?: number;
}

export interface ComputeInput {
  readonly rules: readonly RuleId[];
  /** Told after each type's scan, with every scan so far. */
  readonly onScan?: (scans: readonly TypeScan[]) => void;
  /** Waited after each type's scan (MAILLON_RED_FLAG_SCAN_PAUSE_MS): spreads the reads; tests hold a computation with it. */
  readonly pauseMs?: number;
  /** Ends the computation between two steps (the server stops). */
  readonly signal?: AbortSignal;
}

export interface RedFlagComputation {
  /** Flags of every rule that could be evaluated, ranked (compareFlags). */
  readonly flags: readonly RedFlag[];
  readonly scans: readonly TypeScan[];
  /** Rules not evaluated: a type they read had more relationships than the scan limit. */
  readonly refused: ReadonlySet<RuleId>;
  readonly scanLimit: number;
}

export async function computeRedFlags(deps: ComputeDeps, input: ComputeInput): Promise<RedFlagComputation> {
  const scanLimit = deps.scanLimit ?? SCAN_LIMIT_PER_TYPE;
  const hidden = new Set<RelType>(deps.scope.hiddenRelTypes);
  const types = [...new Set(input.rules.flatMap((id) => RULES[id].relTypes))].filter((type) => !hidden.has(type));
  const graph = new RuleGraph([]);
  const scans: TypeScan[] = [];
  const ends = new Set<string>();
  for (const type of types) {
    input.signal?.throwIfAborted();
    const scan = await deps.store.scanRelationships({ types: [type], limit: scanLimit }, deps.scope, deps.meta);
    scans.push({ type, relationships: scan.relationships.length, truncated: scan.truncated });
    // A cut type is kept out of the graph: no rule reads part of it (its rules are refused below).
    if (!scan.truncated) {
      graph.addRelationships(scan.relationships);
      for (const id of idsTheRulesRead(scan.relationships)) ends.add(id);
    }
    input.onScan?.([...scans]);
    await pause(input.pauseMs ?? 0, input.signal);
  }
  const cut = new Set(scans.filter((scan) => scan.truncated).map((scan) => scan.type));
  const evaluated = input.rules.filter((id) => !RULES[id].relTypes.some((type) => cut.has(type)));
  graph.addEntities(await fetchEntities(deps, [...ends], input.signal));

  const drafts: FlagDraft[] = [];
  for (const id of evaluated) {
    input.signal?.throwIfAborted();
    drafts.push(...RULES[id].evaluate(graph));
    await nextTurn();
  }
  const missing = new Set(drafts.flatMap(draftNodeIds).filter((id) => graph.entity(id) === undefined));
  graph.addEntities(await fetchEntities(deps, [...missing], input.signal));
  const flags = drafts.map((draft) => completeFlag(graph, draft)).sort(compareFlags);
  const refused = new Set(input.rules.filter((id) => !evaluated.includes(id)));
  return { flags, scans, refused, scanLimit };
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

async function fetchEntities(deps: ComputeDeps, ids: readonly string[], signal?: AbortSignal): Promise<EntityRecord[]> {
  const entities: EntityRecord[] = [];
  for (let start = 0; start < ids.length; start += ENTITY_BATCH) {
    signal?.throwIfAborted();
    const batch = await deps.store.getEntities(ids.slice(start, start + ENTITY_BATCH), deps.meta);
    for (const entity of batch) entities.push(entity);
  }
  return entities;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return nextTurn();
  return wait(ms, undefined, signal ? { signal } : {});
}
