/**
 * At least a hundred hostile GraphQL requests: alias and fragment floods, deep
 * documents, huge strings and lists, malformed JSON, wrong content types,
 * batches, GETs and form posts, header abuse. The server must refuse every one
 * with a 4xx or a GraphQL error, never a 5xx, and stay healthy.
 */

export interface HostileRequest {
  readonly name: string;
  readonly method: string;
  /** Appended to /graphql. */
  readonly search?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** The request sets its own Authorization header; the runner must not add the caller's token. */
  readonly ownAuthorization?: boolean;
  /** Harmless once the server clamps or ignores the hostile part: it may answer, but never with a 5xx. */
  readonly mayAnswer?: boolean;
}

const answerable = (request: HostileRequest): HostileRequest => ({ ...request, mayAnswer: true });

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (name: string, payload: unknown, headers: Record<string, string> = {}): HostileRequest => ({
  name,
  method: 'POST',
  headers: { ...JSON_TYPE, ...headers },
  body: JSON.stringify(payload),
});
const query = (name: string, text: string, variables?: unknown): HostileRequest =>
  post(name, variables === undefined ? { query: text } : { query: text, variables });
const raw = (name: string, body: string | Uint8Array, headers: Record<string, string> = JSON_TYPE): HostileRequest => ({
  name,
  method: 'POST',
  headers,
  body,
});
const repeat = (n: number, make: (i: number) => string, separator = ' '): string =>
  Array.from({ length: n }, (_, i) => make(i)).join(separator);

function aliasFloods(): HostileRequest[] {
  return [51, 100, 200, 1000].flatMap((n) => [
    query(`${n} aliases of entity`, `{ ${repeat(n, (i) => `a${i}: entity(id: "x") { id name }`)} }`),
    query(`${n} aliases of __typename`, `{ ${repeat(n, (i) => `t${i}: __typename`)} }`),
  ]);
}

function fragmentFloods(): HostileRequest[] {
  const bomb = (levels: number): string => {
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === 0 ? 'fragment F0 on Entity { id name label }' : `fragment F${i} on Entity { ...F${i - 1} ...F${i - 1} }`,
    );
    return `{ search(query: "a") { entity { ...F${levels - 1} } } } ${fragments.join(' ')}`;
  };
  return [
    query(
      'fragment cycle',
      '{ search(query: "a") { entity { ...A } } } fragment A on Entity { ...B } fragment B on Entity { ...A }',
    ),
    query('self-spreading fragment', '{ search(query: "a") { entity { ...A } } } fragment A on Entity { id ...A }'),
    query('fragment bomb 10', bomb(10)),
    query('fragment bomb 30', bomb(30)),
    query('500 unused fragments', `{ __typename } ${repeat(500, (i) => `fragment U${i} on Entity { id }`)}`),
    query(
      '3000 spreads of one fragment',
      `{ search(query: "a") { entity { ${repeat(3000, () => '...F')} } } } fragment F on Entity { id }`,
    ),
    query('undefined fragment', '{ search(query: "a") { entity { ...Nope } } }'),
    query('fragment on unknown type', '{ search(query: "a") { entity { ... on Ghost { id } } } }'),
  ];
}

function deepDocuments(): HostileRequest[] {
  const nested = (levels: number): string => (levels === 0 ? '{ id }' : `{ id ... on Entity ${nested(levels - 1)} }`);
  const deepList = (levels: number) => `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
  return [
    query('13 nested inline fragments', `{ search(query: "a") { entity ${nested(13)} } }`),
    query('60 nested inline fragments', `{ search(query: "a") { entity ${nested(60)} } }`),
    query('2000 nested selection braces', `{ ${'a { '.repeat(2000)}${'} '.repeat(2000)}}`),
    query('5000 nested list literal', `{ entity(id: ${deepList(5000)}) { id } }`),
    query('deep object literal', `{ entity(id: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}) { id } }`),
    query(
      'deep introspection',
      `{ __schema { types { ${'fields { type { ofType { '.repeat(12)}name${' } } }'.repeat(12)} } } }`,
    ),
    query(
      'deep __type probe',
      `{ __type(name: "Entity") { ${'fields { type { '.repeat(20)}name${' } }'.repeat(20)} } }`,
    ),
    post('variables nested 10000 deep', {
      query: 'query Q($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }',
      variables: { ids: JSON.parse(deepList(2000)) as unknown },
    }),
  ];
}

function hugeInputs(): HostileRequest[] {
  const big = (n: number) => 'x'.repeat(n);
  return [
    query('10001-character string literal', `{ search(query: "${big(10_001)}") { score } }`),
    query('1 MB string literal', `{ search(query: "${big(1_000_000)}") { score } }`),
    query('1 MB string variable', 'query S($q: String!) { search(query: $q) { score } }', { q: big(1_000_000) }),
    query('6 MB string variable (over the body limit)', 'query S($q: String!) { search(query: $q) { score } }', {
      q: big(6_000_000),
    }),
    query('1 MB unused variable', '{ __typename }', { junk: big(1_000_000) }),
    query('1001 ids literal', `{ neighbourhood(ids: [${repeat(1001, (i) => `"id${i}"`, ',')}]) { truncated } }`),
    query('100000 ids variable', 'query N($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }', {
      ids: Array.from({ length: 100_000 }, (_, i) => `id${i}`),
    }),
    answerable(query('huge limit', '{ search(query: "a", limit: 2147483647) { score } }')),
    query('negative limit', '{ search(query: "a", limit: -1) { score } }'),
    query('int overflow', '{ search(query: "a", limit: 99999999999999999999) { score } }'),
    answerable(query('depth 1000 neighbourhood', '{ neighbourhood(ids: ["x"], depth: 1000) { truncated } }')),
    answerable(query('paths maxLength 1000', '{ paths(from: "a", to: "b", maxLength: 1000) { length } }')),
    query('5000 labels', `{ search(query: "a", labels: [${repeat(5000, () => '"Person"', ',')}]) { score } }`),
    query('10000-character operation name', `query ${'Q'.repeat(10_000)} { __typename }`),
    answerable(query('100000 whitespace tokens', `{ ${' '.repeat(100_000)}__typename }`)),
    query('2001 __typename tokens', `{ ${repeat(2001, () => '__typename')} }`),
    query('50 @skip directives', `{ entity(id: "x") { id ${repeat(50, () => '@skip(if: false)')} } }`),
    query('1000 unknown directives', `{ __typename ${repeat(1000, (i) => `@d${i}`)} }`),
    query('200 variables declared', `query Q(${repeat(200, (i) => `$v${i}: String`, ', ')}) { __typename }`),
  ];
}

function malformedJson(): HostileRequest[] {
  const nestedArrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  return [
    raw('empty body', ''),
    raw('truncated JSON', '{"query": "{ __typename }"'),
    raw('trailing garbage', '{"query": "{ __typename }"} xyz'),
    raw('single quotes', "{'query': '{ __typename }'}"),
    raw('NaN value', '{"query": NaN}'),
    raw('JSON null', 'null'),
    raw('JSON string', '"{ __typename }"'),
    raw('JSON number', '42'),
    raw('JSON true', 'true'),
    raw('100000 nested arrays', nestedArrays),
    raw('invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    raw('byte-order mark', '\ufeff{"query": "{ __typename }"}'),
    raw(
      'duplicate keys',
      '{"query": "{ __typename }", "query": "mutation { disableUser(username: \\"admin\\") { username } }"}',
    ),
    raw('NUL bytes', '{"query": "{ __typename }\u0000"}'),
    raw('bare query text with JSON type', '{ __typename }'),
    raw('query is a number', JSON.stringify({ query: 42 })),
    raw('query is an object', JSON.stringify({ query: { kind: 'Document' } })),
    raw('query is an array', JSON.stringify({ query: ['{ __typename }'] })),
    raw('query is empty', JSON.stringify({ query: '' })),
    raw('variables is a string', JSON.stringify({ query: '{ __typename }', variables: '{"a":1}x' })),
    raw('variables is an array', JSON.stringify({ query: '{ __typename }', variables: [1, 2] })),
    raw('operationName is an object', JSON.stringify({ query: '{ __typename }', operationName: { a: 1 } })),
    raw('extensions is a string', JSON.stringify({ query: '{ __typename }', extensions: 'x' })),
    raw(
      'unknown persisted query',
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    ),
    answerable(
      raw(
        '__proto__ pollution',
        '{"query": "{ __typename }", "__proto__": {"isAdmin": true}, "variables": {"__proto__": {"x": 1}}}',
      ),
    ),
  ];
}

function wrongTransport(): HostileRequest[] {
  const body = JSON.stringify({ query: '{ __typename }' });
  const form = 'query=%7B__typename%7D';
  return [
    raw('text/plain', body, { 'content-type': 'text/plain' }),
    raw('no content type', body, {}),
    raw('form-urlencoded post', form, { 'content-type': 'application/x-www-form-urlencoded' }),
    raw('multipart form post', `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${body}\r\n--b--\r\n`, {
      'content-type': 'multipart/form-data; boundary=b',
    }),
    raw('application/graphql', '{ __typename }', { 'content-type': 'application/graphql' }),
    raw('application/xml', '<query>{ __typename }</query>', { 'content-type': 'application/xml' }),
    answerable(raw('json in utf-16 charset', body, { 'content-type': 'application/json; charset=utf-16' })),
    { name: 'GET with query', method: 'GET', search: '?query=%7B__typename%7D', headers: {} },
    {
      name: 'GET with query and preflight header',
      method: 'GET',
      search: '?query=%7B__typename%7D',
      headers: { 'apollo-require-preflight': 'true' },
    },
    {
      name: 'GET with a mutation',
      method: 'GET',
      search: '?query=mutation%7BdisableUser(username%3A%22admin%22)%7Busername%7D%7D',
      headers: { 'x-apollo-operation-name': 'x' },
    },
    { name: 'PUT', method: 'PUT', headers: JSON_TYPE, body },
    { name: 'DELETE', method: 'DELETE', headers: {} },
    { name: 'PATCH', method: 'PATCH', headers: JSON_TYPE, body },
    {
      name: 'OPTIONS',
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    },
    raw('batch of two', JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }])),
    raw('empty batch', '[]'),
    raw('batch of 100', JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ entity(id: "x") { id } }' })))),
  ];
}

function invalidOperations(): HostileRequest[] {
  return [
    query('syntax error', '{ entity(id: "x") { id '),
    query('unknown field', '{ secrets { id } }'),
    query('typo for suggestions', '{ entty(id: "x") { id } }'),
    query('wrong argument type', '{ entity(id: {a: 1}) { id } }'),
    query('missing required argument', '{ entity { id } }'),
    query('variable of the wrong type', 'query Q($id: ID!) { entity(id: $id) { id } }', { id: { nested: true } }),
    query('missing variable', 'query Q($id: ID!) { entity(id: $id) { id } }', {}),
    query('two anonymous operations', '{ __typename } { __typename }'),
    post('operationName that does not exist', { query: 'query A { __typename }', operationName: 'B' }),
    query('subscription', 'subscription { entity(id: "x") { id } }'),
    // Refused in production; development mode answers it.
    answerable(query('introspection __schema', '{ __schema { types { name } } }')),
    query('leaf with selection', '{ stats { nodes { id } } }'),
    query('object without selection', '{ entity(id: "x") }'),
    query('only a fragment', 'fragment F on Entity { id }'),
    query('directive on a variable definition', 'query Q($a: String @skip(if: true)) { __typename }'),
  ];
}

function headerAbuse(): HostileRequest[] {
  const body = JSON.stringify({ query: '{ stats { nodes } }' });
  const withAuth = (name: string, authorization: string, extra: Record<string, string> = {}): HostileRequest => ({
    name,
    method: 'POST',
    headers: { ...JSON_TYPE, authorization, ...extra },
    body,
    ownAuthorization: true,
  });
  return [
    withAuth('malformed Authorization', 'Basic YWRtaW46YWRtaW4='),
    withAuth('empty bearer', 'Bearer '),
    withAuth('8 KB bearer token', `Bearer ${'a'.repeat(8000)}`),
    withAuth('bearer with spaces and quotes', 'Bearer "x y" z'),
    withAuth('two bearer tokens', 'Bearer a.b.c, Bearer d.e.f'),
    post('X-Purpose with control characters', { query: '{ stats { nodes } }' }, { 'x-purpose': 'CASE-1\tDROP' }),
    post('X-Purpose of 10 KB', { query: '{ stats { nodes } }' }, { 'x-purpose': 'P'.repeat(10_000) }),
  ];
}

/** The whole corpus; names are unique so a failure says which request it was. */
export function hostileCorpus(): HostileRequest[] {
  return [
    ...aliasFloods(),
    ...fragmentFloods(),
    ...deepDocuments(),
    ...hugeInputs(),
    ...malformedJson(),
    ...wrongTransport(),
    ...invalidOperations(),
    ...headerAbuse(),
  ];
}
