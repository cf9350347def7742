import { api } from './client.ts';
import { NEIGHBOURHOOD } from './operations.ts';
import type { Entity, Relationship } from './types.ts';
import type { Reread } from '../model-view/reread.ts';

/** The most seeds one neighbourhood request takes. */
const IDS_PER_READ = 100;

/** Every node again (with the relationships around it), as the server gives them to this user now. */
export async function readAgain(ids: readonly string[]): Promise<Reread> {
  const nodes = new Map<string, Entity>();
  const relationships = new Map<string, Relationship>();
  for (let start = 0; start < ids.length; start += IDS_PER_READ) {
    const { neighbourhood } = await api.request(NEIGHBOURHOOD, {
      ids: ids.slice(start, start + IDS_PER_READ),
      depth: 1,
      limit: 2000,
    });
    for (const node of neighbourhood.nodes) nodes.set(node.id, node);
    for (const relationship of neighbourhood.relationships) relationships.set(relationship.id, relationship);
  }
  return { nodes: [...nodes.values()], relationships: [...relationships.values()] };
}
