/**
 * Red flags over a store. The rules are pure (rules/*.ts over a RuleGraph); computeRedFlags only
 * fetches what they read through the graph reads port: a scan of the relationship types the
 * requested rules need, then the entities whose label or properties they need. So every store
 * gives the same flags, and the Neo4j side runs nothing but its (linted) scans. The API answers
 * from a RedFlagBook kept computed in the background; findRedFlags computes on the spot (tests,
 * the differential check).
 */
import type { RelType } from '../model/index.ts';
import { LimitExceededError, UserInputError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { computeRedFlags, type ComputeDeps, type RedFlagComputation } from './compute-red-flags.ts';
import { RULES } from './rules/index.ts';
import { isRuleId, RULE_IDS, type RedFlag, type RuleId } from './types.ts';

export interface RedFlagDeps extends ComputeDeps {
  /** Told when a scan is cut. */
  readonly logger: Logger;
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

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) throw new UserInputError('limit must be a non-negative integer.');
}

export async function findRedFlags(deps: RedFlagDeps, query: RedFlagQuery): Promise<RedFlag[]> {
  const rules = parseRules(query.rules);
  checkLimit(query.limit);
  const computation = await computeRedFlags(deps, { rules });
  return flagsOf(computation, rules, query.limit, deps.logger);
}

/** The flags of `rules` in a computation, or the refusal of one of them whose scan was cut. */
export function flagsOf(
  computation: RedFlagComputation,
  rules: readonly RuleId[],
  limit: number,
  logger: Logger,
  when = '',
): RedFlag[] {
  if (rules.some((rule) => computation.refused.has(rule))) throw scanRefusal(computation, rules, logger, when);
  const wanted = new Set(rules);
  return computation.flags.filter((flag) => wanted.has(flag.rule)).slice(0, limit);
}

/**
 * Flags from a cut scan would miss patterns without saying so (an official's tie past the cut
 * is not checked): the answer is refused, saying what was read of each type the rules read.
 */
function scanRefusal(
  computation: RedFlagComputation,
  rules: readonly RuleId[],
  logger: Logger,
  when: string,
): LimitExceededError {
  const types = new Set<RelType>(rules.flatMap((rule) => RULES[rule].relTypes));
  const scans = computation.scans.filter((scan) => types.has(scan.type));
  const cut = scans.filter((scan) => scan.truncated);
  const limit = computation.scanLimit;
  logger.warn({ component: 'redflags', scans, limit }, 'red-flag scan over its limit: answer refused');
  return new LimitExceededError(
    `Red flags were not computed${when}: more than ${limit.toLocaleString('en')} ${cut.map((s) => s.type).join(', ')} ` +
      `relationships to read (read: ${scans.map((s) => `${s.type} ${s.relationships.toLocaleString('en')}${s.truncated ? '+' : ''}`).join(', ')}). ` +
      'Ask for fewer rules, or have an admin raise MAILLON_RED_FLAG_SCAN_LIMIT.',
    { scanned: scans },
  );
}
