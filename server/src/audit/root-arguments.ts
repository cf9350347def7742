import { createHash } from 'node:crypto';
import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';

/** Arguments that must never be stored: a password is omitted, an import script is kept as its digest. */
const OMITTED = new Set(['password']);
const DIGESTED = new Set(['script']);
const MAX_STRING = 200;
const MAX_ITEMS = 50;

export interface RootCall {
  readonly field: string;
  readonly arguments: Readonly<Record<string, unknown>>;
}

function capped(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (depth > 3) return '(nested)';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => capped(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, MAX_ITEMS)
        .map(([k, v]) => [k, capped(v, depth + 1)]),
    );
  }
  return value;
}

function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => valueOf(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
  }
}

function kept(name: string, value: unknown): unknown {
  if (OMITTED.has(name)) return '(omitted)';
  if (DIGESTED.has(name) && typeof value === 'string') {
    return { sha256: createHash('sha256').update(value, 'utf8').digest('hex'), chars: value.length };
  }
  return capped(value);
}

/**
 * What each root field was asked, for the audit trail: a search text, ids, a
 * depth, the user an admin changed. Passwords are left out, scripts digested,
 * long values capped.
 */
export function rootCalls(
  operation: OperationDefinitionNode | undefined,
  variables: Readonly<Record<string, unknown>> = {},
): RootCall[] {
  const calls: RootCall[] = [];
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) continue;
    const args = Object.fromEntries(
      (selection.arguments ?? []).map((a) => [a.name.value, kept(a.name.value, valueOf(a.value, variables))]),
    );
    calls.push({ field: selection.name.value, arguments: args });
    if (calls.length >= MAX_ITEMS) break;
  }
  return calls;
}
