export { findRedFlags, parseRules, type RedFlagDeps, type RedFlagQuery } from './find-red-flags.ts';
export { evaluateRules } from './evaluate.ts';
export { RuleGraph } from './RuleGraph.ts';
export { RULE_IDS, isRuleId, type RedFlag, type RuleId, type Severity } from './types.ts';
export { RULES } from './rules/index.ts';
