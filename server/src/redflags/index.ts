export { findRedFlags } from './find-red-flags.ts';
export { RULE_IDS, type RedFlag } from './types.ts';
