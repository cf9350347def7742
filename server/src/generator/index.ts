/**
 * The synthetic network generator: `generateNetwork` streams a Cypher import file of a
 * fictional network with planted red-flag patterns; `scoreFlags` scores red flags against
 * its ground truth (precision and recall per rule). CLI: server/src/cli/generate.ts.
 */
export { generateNetwork, plantRounds, type GenerateOptions, type GenerateResult } from './generate.ts';
export { scoreFlags, type RuleScore } from './score.ts';
export type { GroundTruth, TruthEntry } from './World.ts';
export type { WriteListener } from './CypherWriter.ts';
