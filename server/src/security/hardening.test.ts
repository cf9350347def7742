import { readFileSync } from 'node:fs';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardeningOptions, LIMITS } from './hardening.ts';

const typeDefs = readFileSync(new URL('../api/schema.graphql', import.meta.url), 'utf8');
const entity = { id: 'p1', label: 'Person', name: 'A', properties: {}, sources: [] };

/** The real SDL with trivial resolvers: only the hardening is under test here. */
async function startServer(production: boolean): Promise<ApolloServer> {
  const server = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: { entity: () => entity, search: () => [{ entity, score: 1 }] },
      Mutation: {
        importCypher: (_: unknown, args: { script: string }) => ({
          ok: true,
          dryRun: true,
          statements: args.script.length,
          nodesCreated: 0,
          relationshipsCreated: 0,
          errors: [],
        }),
      },
    },
    ...hardeningOptions({ production }),
  });
  await server.start();
  return server;
}

interface Sent {
  method?: string;
  body?: unknown;
  contentType?: string;
  search?: string;
}

async function send(
  server: ApolloServer,
  { method = 'POST', body, contentType = 'application/json', search = '' }: Sent,
) {
  const headers = new HeaderMap([['content-type', contentType]]);
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body },
    context: async () => ({}),
  });
  const text = response.body.kind === 'complete' ? response.body.string : '';
  return {
    status: response.status ?? 200,
    json: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

/** A selection nested `levels` deep through inline fragments. */
const nested = (levels: number): string => (levels === 0 ? '{ id }' : `{ id ... on Entity ${nested(levels - 1)} }`);

describe('hardening', () => {
  let dev: ApolloServer;
  let prod: ApolloServer;
  beforeAll(async () => {
    dev = await startServer(false);
    prod = await startServer(true);
  });
  afterAll(async () => {
    await dev.stop();
    await prod.stop();
  });

  it('answers an ordinary query', async () => {
    const { status, json } = await send(prod, { body: { query: '{ entity(id: "p1") { id name } }' } });
    expect(status).toBe(200);
    expect(json.data).toEqual({ entity: { id: 'p1', name: 'A' } });
  });

  it('refuses documents over the token limit with 400, not 500', async () => {
    const query = `{ ${Array.from({ length: LIMITS.maxTokens }, () => '__typename').join(' ')} }`;
    const { status, json } = await send(prod, { body: { query } });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.message).toMatch(/tokens/);
  });

  it('refuses too many aliases, too deep and too costly documents with 400', async () => {
    const aliases = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: entity(id: "p1") { id }`).join(' ')} }`;
    const tooDeep = `{ search(query: "a") { entity ${nested(LIMITS.maxDepth)} } }`;
    for (const query of [aliases, tooDeep]) {
      const { status, json } = await send(prod, { body: { query } });
      expect(status).toBe(400);
      expect(json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('refuses huge strings and lists, as literals or variables, but lets an import script be long', async () => {
    const huge = 'x'.repeat(LIMITS.maxStringChars + 1);
    const literal = await send(prod, { body: { query: `{ search(query: "${huge}") { score } }` } });
    expect(literal.status).toBe(400);
    const variable = await send(prod, {
      body: { query: 'query S($q: String!) { search(query: $q) { score } }', variables: { q: huge } },
    });
    expect(variable.status).toBe(400);
    expect(variable.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ids = Array.from({ length: LIMITS.maxListItems + 1 }, (_, i) => `id${i}`);
    const list = await send(prod, {
      body: { query: 'query N($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }', variables: { ids } },
    });
    expect(list.status).toBe(400);
    const script = await send(prod, {
      body: { query: 'mutation I($s: String!) { importCypher(script: $s) { statements } }', variables: { s: huge } },
    });
    expect(script.json).toEqual({ data: { importCypher: { statements: huge.length } } });
  });

  it('refuses batches, simple GETs and form posts', async () => {
    const batch = await send(prod, { body: [{ query: '{ __typename }' }, { query: '{ __typename }' }] });
    expect(batch.status).toBe(400);
    const get = await send(prod, { method: 'GET', search: '?query=%7B__typename%7D', contentType: 'text/plain' });
    expect(get.status).toBe(400);
    const form = await send(prod, { body: 'query={__typename}', contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
  });

  it('turns off introspection and field suggestions in production only', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    expect((await send(prod, { body: { query: introspection } })).status).toBe(400);
    expect((await send(dev, { body: { query: introspection } })).json.data).toBeDefined();
    const typo = '{ entity(id: "p1") { nam } }';
    expect((await send(dev, { body: { query: typo } })).json.errors?.[0]?.message).toMatch(/Did you mean/);
    const masked = await send(prod, { body: { query: typo } });
    expect(masked.status).toBe(400);
    expect(masked.json.errors?.[0]?.message).not.toMatch(/Did you mean|name/);
  });
});
