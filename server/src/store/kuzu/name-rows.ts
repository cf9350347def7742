/** Kùzu rows of id, name, aliases and description as the name index takes them. */
import type { NodeLabel } from '../../model/index.ts';
import type { IndexedNode } from '../search/NameIndex.ts';
import type { Row } from './KuzuConnection.ts';

export function indexedNode(label: NodeLabel, row: Row): IndexedNode {
  const aliases = Array.isArray(row.aliases) ? row.aliases.filter((a): a is string => typeof a === 'string') : null;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return { id: String(row.id), label, name: text(row.name), aliases, description: text(row.description) };
}
