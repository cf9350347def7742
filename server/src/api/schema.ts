import fs from 'node:fs';
import { buildSchema } from 'graphql';

/** The SDL, the contract shared with the client (server/src/api/schema.graphql). */
export const typeDefs = fs.readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

/** "Query.search", "Mutation.login", ...: every root field the SDL declares. */
export function rootFieldNames(): string[] {
  const schema = buildSchema(typeDefs);
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
}
