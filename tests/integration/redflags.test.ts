/**
 * Red flags on generated networks loaded into a real embedded store through the import
 * pipeline: every planted pattern is found (recall 1.0), nearly nothing else (precision
 * >= 0.95 per rule) and no near miss is raised; uncleared users get no informant identity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, MaillonError } from '../../server/src/errors.ts';
import { generateNetwork } from '../../server/src/generator/generate.ts';
import { scoreFlags } from '../../server/src/generator/score.ts';
import type { GroundTruth } from '../../server/src/generator/World.ts';
import { findRedFlags, RULE_IDS, type RedFlag } from '../../server/src/redflags/index.ts';
import { CLEARED, META, UNCLEARED, freshStore, load, type OpenStore } from './redflags-harness.ts';
import { quietLogger } from '../support/quiet-logger.ts';

function generate(people: number, seed: number): { script: string; truth: GroundTruth } {
  const chunks: string[] = [];
  const { truth } = generateNetwork({ people, seed, sink: (text) => chunks.push(text) });
  return { script: chunks.join(''), truth };
}

const NETWORKS = [
  { people: 150, seed: 1 },
  { people: 300, seed: 2 },
  { people: 500, seed: 3 },
];

describe.each(NETWORKS)('red flags on a generated network of $people people (seed $seed)', ({ people, seed }) => {
  let opened: OpenStore;
  let truth: GroundTruth;
  let flags: RedFlag[];

  beforeAll(async () => {
    opened = await freshStore();
    const generated = generate(people, seed);
    truth = generated.truth;
    await load(opened.store, generated.script, `network-${seed}.cypher`);
    flags = await findRedFlags(
      { logger: quietLogger, store: opened.store, scope: CLEARED, meta: META },
      { limit: 100_000 },
    );
  }, 240_000);

  afterAll(async () => {
    await opened?.cleanup();
  });

  it.each(RULE_IDS)('%s: finds every planted pattern, raises no near miss, precision >= 0.95', (rule) => {
    const score = scoreFlags(flags, truth, { cleared: true })[rule];
    expect(score.planted).toBeGreaterThan(0);
    expect(score.missed).toEqual([]);
    expect(score.recall).toBe(1);
    expect(score.precision, score.unexplained.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.decoysRaised).toEqual([]);
  });

  it('gives every flag its evidence, a sentence and dates, ranked by severity then recency', () => {
    const rank = { high: 0, medium: 1, low: 2 };
    for (const flag of flags) {
      const ids = new Set(flag.nodes.map((n) => n.id));
      expect(flag.relationships.every((r) => ids.has(r.source) && ids.has(r.target))).toBe(true);
      expect(flag.summary).toMatch(/\.$/);
    }
    const severities = flags.map((f) => rank[f.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    const high = flags.filter((f) => f.severity === 'high' && f.lastDate !== undefined).map((f) => f.lastDate ?? '');
    expect(high).toEqual([...high].sort().reverse());
  });

  it('hides informant identities from uncleared users and still flags payments in kind to informants', async () => {
    const scope = { store: opened.store, scope: UNCLEARED, meta: META, logger: quietLogger };
    const seen = await findRedFlags(scope, { rules: ['informant-paid-in-kind'], limit: 1_000 });
    const score = scoreFlags(seen, truth, { cleared: false })['informant-paid-in-kind'];
    expect(score.missed).toEqual([]);
    expect(score.precision).toBe(1);
    const hiddenIdentities = truth.planted['informant-paid-in-kind']
      .filter((entry) => entry.requiresClearance === true)
      .map((entry) => entry.keys[1]);
    expect(hiddenIdentities.length).toBeGreaterThan(0);
    for (const flag of seen) {
      expect(flag.relationships.some((r) => r.type === 'IDENTIFIES_AS')).toBe(false);
      expect(flag.nodes.some((n) => hiddenIdentities.includes(n.id))).toBe(false);
    }
  });
});

describe('red-flag queries', () => {
  let opened: OpenStore;

  beforeAll(async () => {
    opened = await freshStore();
    await load(opened.store, generate(150, 9).script, 'network-9.cypher');
  }, 240_000);

  afterAll(async () => {
    await opened?.cleanup();
  });

  it('runs only the rules asked for, and honours the limit', async () => {
    const deps = { store: opened.store, scope: CLEARED, meta: META, logger: quietLogger };
    const shipments = await findRedFlags(deps, { rules: ['shipment-discrepancy'], limit: 100 });
    expect(shipments.length).toBeGreaterThan(0);
    expect(new Set(shipments.map((f) => f.rule))).toEqual(new Set(['shipment-discrepancy']));
    expect(await findRedFlags(deps, { limit: 2 })).toHaveLength(2);
  });

  it('refuses an unknown rule id with BAD_USER_INPUT listing the valid ones', async () => {
    const deps = { store: opened.store, scope: CLEARED, meta: META, logger: quietLogger };
    const error = await findRedFlags(deps, { rules: ['bribery'], limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaillonError);
    expect((error as MaillonError).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((error as MaillonError).message).toContain('official-criminal-tie');
  });
});
