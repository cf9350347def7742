/**
 * Scores red flags against a generator's ground truth: per rule, which planted instances were
 * found (recall) and which flags match a planted instance (precision). A flag matches an
 * instance when its nodes include every key id of the instance.
 */
import { RULE_IDS, type RedFlag, type RuleId } from '../redflags/types.ts';
import type { GroundTruth, TruthEntry } from './World.ts';

export interface RuleScore {
  readonly planted: number;
  readonly flagged: number;
  readonly found: number;
  readonly falsePositives: number;
  readonly recall: number;
  readonly precision: number;
  /** The planted instances no flag matched, and the flags no instance explains (for failure messages). */
  readonly missed: readonly TruthEntry[];
  readonly unexplained: readonly string[];
  /** Decoys that some flag matched: near misses wrongly raised. */
  readonly decoysRaised: readonly TruthEntry[];
}

const matches = (flag: RedFlag, entry: TruthEntry): boolean => {
  const ids = new Set(flag.nodes.map((node) => node.id));
  return entry.keys.every((key) => ids.has(key));
};

export function scoreFlags(
  flags: readonly RedFlag[],
  truth: GroundTruth,
  options: { cleared: boolean },
): Record<RuleId, RuleScore> {
  const scores = {} as Record<RuleId, RuleScore>;
  for (const rule of RULE_IDS) {
    const planted = truth.planted[rule].filter((entry) => options.cleared || entry.requiresClearance !== true);
    const ruleFlags = flags.filter((flag) => flag.rule === rule);
    const missed = planted.filter((entry) => !ruleFlags.some((flag) => matches(flag, entry)));
    const unexplained = ruleFlags.filter((flag) => !planted.some((entry) => matches(flag, entry)));
    const found = planted.length - missed.length;
    scores[rule] = {
      planted: planted.length,
      flagged: ruleFlags.length,
      found,
      falsePositives: unexplained.length,
      recall: planted.length === 0 ? 1 : found / planted.length,
      precision: ruleFlags.length === 0 ? 1 : (ruleFlags.length - unexplained.length) / ruleFlags.length,
      missed,
      unexplained: unexplained.map((flag) => flag.summary),
      decoysRaised: truth.decoys[rule].filter((entry) => ruleFlags.some((flag) => matches(flag, entry))),
    };
  }
  return scores;
}
