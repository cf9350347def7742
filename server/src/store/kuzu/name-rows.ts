/** Kùzu rows of id, name and aliases as the name index takes them. */
import type { NodeLabel } from '../../model/index.ts';
import type { IndexedNode } from '../search/NameIndex.ts';
import type { Row } from './KuzuConnection.ts';

export function indexedNode(label: NodeLabel, row: Row): IndexedNode {
  const aliases = Array.isArray(row.aliases) ? row.aliases.filter((a): a is string => typeof a === 'string') : null;
  return { id: String(row.id), label, name: typeof row.name === 'string' ? row.name : null, aliases };
}
