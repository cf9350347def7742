/** Which labels and relationship types a read may touch, from the model's allow-lists only. */
import { REL_SPECS, REL_TYPES, type NodeLabel, type RelType } from '../../model/index.ts';
import type { ReadScope } from '../ports/read-scope.ts';

/** Visible types: `wanted` (or all), minus the ones the scope hides. */
export function visibleTypes(scope: ReadScope, wanted?: readonly RelType[]): RelType[] {
  const hidden = new Set(scope.hiddenRelTypes);
  const requested = wanted === undefined ? null : new Set(wanted);
  return REL_TYPES.filter((type) => !hidden.has(type) && (requested === null || requested.has(type)));
}

/** Types among `types` that can touch a node of `label` (Kùzu refuses a pattern no table can match). */
export function typesTouching(label: NodeLabel, types: readonly RelType[]): RelType[] {
  return types.filter((type) => REL_SPECS[type].endpoints.some(([from, to]) => from === label || to === label));
}
