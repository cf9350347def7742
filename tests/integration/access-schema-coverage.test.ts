/**
 * Deny by default: every root field of the schema the server really serves has
 * an explicit rule in ACCESS_RULES, no rule names a field that does not exist,
 * and a field without a rule refuses to start the server and refuses callers.
 */
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ACCESS_RULES, authorize, guardResolvers } from '../../server/src/api/access-rules.ts';
import type { MaillonContext } from '../../server/src/api/context.ts';
import { typeDefs } from '../../server/src/api/schema.ts';

const schema = buildSchema(typeDefs);

/** Walks the schema for every field a client can call at the root. */
function rootFields(): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .filter((type) => type !== null && type !== undefined && isObjectType(type))
    .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
}

describe('access rules cover the whole schema', () => {
  it('has an explicit rule for every Query and Mutation field', () => {
    const fields = rootFields();
    expect(fields.length).toBeGreaterThan(10);
    const missing = fields.filter((field) => !(field in ACCESS_RULES));
    expect(missing, `root fields without an access rule: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no rule for a field the schema does not have', () => {
    const fields = new Set(rootFields());
    expect(Object.keys(ACCESS_RULES).filter((rule) => !fields.has(rule))).toEqual([]);
  });

  it('opens nothing but login to anonymous callers', () => {
    const anonymous = Object.entries(ACCESS_RULES).filter(([, rule]) => rule.minRole === 'ANONYMOUS');
    expect(anonymous.map(([field]) => field)).toEqual(['Mutation.login']);
  });

  it('refuses to guard resolvers when a schema field has no rule', () => {
    const resolvers = { Query: {}, Mutation: {} };
    expect(() => guardResolvers(resolvers, [...rootFields(), 'Query.backdoor'])).toThrow(/Query\.backdoor/);
  });

  it('refuses a field without a rule even to an admin', () => {
    const ctx = {
      viewer: { username: 'admin', role: 'ADMIN', informantClearance: true },
      purpose: 'CASE-1',
    } as unknown as MaillonContext;
    expect(() => authorize(ctx, 'Query.backdoor')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authorize(ctx, 'Query.search')).not.toThrow();
  });
});
