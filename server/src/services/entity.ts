import type { EntityRecord } from '../model/records.ts';
import type { ReadContext } from './explore-context.ts';
import { entityId } from './validate.ts';

/** One entity by id, or undefined when there is none. */
export async function findEntity(ctx: ReadContext, id: string): Promise<EntityRecord | undefined> {
  const [entity] = await ctx.store.getEntities([entityId('id', id)], ctx.meta);
  return entity;
}
