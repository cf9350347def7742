/**
 * A synthetic, fictional network with planted red-flag patterns and near misses, written as
 * a Cypher import file, plus the ground truth the tests and benchmarks score against.
 * Deterministic: the same (people, seed) gives the same file byte for byte.
 */
import { RULE_IDS, type RuleId } from '../redflags/types.ts';
import { buildActivity } from './activity.ts';
import { buildPopulation, buildScene } from './background.ts';
import { CypherWriter, type WriteListener } from './CypherWriter.ts';
import { plantLookupsBeforeEscape, plantPaidLookups, plantUnassignedLookups } from './plant-lookups.ts';
import { plantInformants, plantIntimidation, plantShipments } from './plant-others.ts';
import { plantTies } from './plant-ties.ts';
import { Random } from './random.ts';
import { World, type GroundTruth, type TruthEntry } from './World.ts';

export interface GenerateOptions {
  readonly people: number;
  readonly seed: number;
  /** Receives the file text in order, a statement at a time. */
  readonly sink: (text: string) => void;
  /** Rows per UNWIND statement. */
  readonly batchSize?: number;
  readonly listener?: WriteListener;
}

export interface GenerateResult {
  readonly truth: GroundTruth;
  readonly people: number;
  readonly nodes: number;
  readonly relationships: number;
}

/** How many times each planted pattern and near miss is repeated: grows slowly with size. */
const plantRounds = (people: number): number => Math.max(1, Math.floor(Math.sqrt(people) / 10));

const emptyByRule = (): Record<RuleId, TruthEntry[]> =>
  Object.fromEntries(RULE_IDS.map((rule) => [rule, []])) as unknown as Record<RuleId, TruthEntry[]>;

export function generateNetwork(options: GenerateOptions): GenerateResult {
  if (!Number.isInteger(options.people) || options.people < 1) throw new Error('people must be a positive integer');
  const out = new CypherWriter(options.sink, options.batchSize, options.listener);
  const truth: GroundTruth = {
    seed: options.seed,
    people: options.people,
    planted: emptyByRule(),
    decoys: emptyByRule(),
  };
  const world = new World(new Random(options.seed), out, truth);
  out.comment(`Synthetic network: ${options.people} people, seed ${options.seed}. Every name and fact is fictional.`);

  const scene = buildScene(world, options.people);
  for (let round = 1; round <= plantRounds(options.people); round++) {
    plantTies(world, scene);
    plantPaidLookups(world, scene);
    plantUnassignedLookups(world, scene);
    plantLookupsBeforeEscape(world, scene);
    plantShipments(world, scene);
    plantInformants(world, scene, round);
    plantIntimidation(world, scene);
  }
  const population = buildPopulation(world, scene, options.people - world.peopleWritten);
  buildActivity(world, scene, population);
  out.finish();
  return { truth, people: world.peopleWritten, nodes: out.nodes, relationships: out.relationships };
}
