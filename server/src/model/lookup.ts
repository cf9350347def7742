import {
  COMMON_NODE_PROPERTIES,
  COMMON_REL_PROPERTIES,
  NODE_LABELS,
  NODE_SPECS,
  REL_SPECS,
  REL_TYPES,
  type NodeLabel,
  type PropertySpec,
  type RelType,
} from './schema.ts';

const labelSet: ReadonlySet<string> = new Set(NODE_LABELS);
const relTypeSet: ReadonlySet<string> = new Set(REL_TYPES);

export const isNodeLabel = (value: string): value is NodeLabel => labelSet.has(value);
export const isRelType = (value: string): value is RelType => relTypeSet.has(value);

/** Every property a node of this label may carry, common ones included. */
export function nodeProperties(label: NodeLabel): Readonly<Record<string, PropertySpec>> {
  return { ...COMMON_NODE_PROPERTIES, ...NODE_SPECS[label].properties };
}

/** Every property a relationship of this type may carry, common ones included. */
export function relProperties(type: RelType): Readonly<Record<string, PropertySpec>> {
  return { ...COMMON_REL_PROPERTIES, ...REL_SPECS[type].properties };
}

/** Whether the model allows `type` from a `from` node to a `to` node. */
export function allowsEndpoints(type: RelType, from: NodeLabel, to: NodeLabel): boolean {
  return REL_SPECS[type].endpoints.some(([f, t]) => f === from && t === to);
}
