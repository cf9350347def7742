/**
 * Every read operation of the schema, as queries: each Query field with every
 * argument set the caller gives it, selecting every field of its result type
 * (recursively). A Query field without argument sets throws, so a new read
 * operation cannot slip past a test that walks the schema.
 */
import { buildSchema, getNamedType, isObjectType, isScalarType, isEnumType, type GraphQLObjectType } from 'graphql';
import { typeDefs } from '../../server/src/api/schema.ts';

export interface SchemaRead {
  readonly field: string;
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

function selection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const [name, field] of Object.entries(type.getFields())) {
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(name);
    else if (isObjectType(named) && depth < 3) parts.push(`${name} { ${selection(named, depth + 1)} }`);
  }
  return parts.join(' ');
}

/** One query per (Query field, argument set). */
export function schemaReads(
  argumentSets: Readonly<Record<string, ReadonlyArray<Record<string, unknown>>>>,
): SchemaRead[] {
  const query = buildSchema(typeDefs).getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  const reads: SchemaRead[] = [];
  for (const [name, field] of Object.entries(query.getFields())) {
    const sets = argumentSets[name];
    if (!sets || sets.length === 0) throw new Error(`no argument sets for the read operation ${name}: add some`);
    const named = getNamedType(field.type);
    const selected = isObjectType(named) ? ` { ${selection(named, 1)} }` : '';
    for (const variables of sets) {
      const declared = field.args.filter((arg) => arg.name in variables);
      const header =
        declared.length > 0 ? `(${declared.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
      const passed = declared.length > 0 ? `(${declared.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
      reads.push({ field: name, query: `query Read${header} { ${name}${passed}${selected} }`, variables });
    }
  }
  return reads;
}
