import fs from 'node:fs';
import { buildSchema } from 'graphql';

/**
 * The SDL, the contract shared with the client: server/src/api/schema.graphql, and
 * investigations.graphql, which extends its Query and Mutation.
 */
export const typeDefs = ['./schema.graphql', './investigations.graphql']
  .map((file) => fs.readFileSync(new URL(file, import.meta.url), 'utf8'))
  .join('\n');

/** "Query.search", "Mutation.login", ...: every root field the SDL declares. */
export function rootFieldNames(): string[] {
  const schema = buildSchema(typeDefs);
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
}
