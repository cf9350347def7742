/**
 * The synthetic network generator: `generateNetwork` streams a Cypher import file of a
 * fictional network with planted red-flag patterns; `scoreFlags` (score.ts) scores red flags
 * against its ground truth (precision and recall per rule). CLI: server/src/cli/generate.ts.
 */
export { generateNetwork } from './generate.ts';
export type { WriteListener } from './CypherWriter.ts';
