/**
 * What a test does through the API rather than the browser: sign in, set up users
 * and data. These requests are audited like any other but are not the browser's.
 */
import type { RunningServer } from './server.ts';

interface Answer<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

export async function callApi<T>(
  server: Pick<RunningServer, 'url'>,
  input: { query: string; variables?: Record<string, unknown>; token?: string; purpose?: string },
): Promise<Answer<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(input.token ? { authorization: `Bearer ${input.token}` } : {}),
      ...(input.purpose ? { 'x-purpose': input.purpose } : {}),
    },
    body: JSON.stringify({ query: input.query, variables: input.variables ?? {} }),
  });
  return (await response.json()) as Answer<T>;
}

/** A token for `username`; throws with the server's message when refused. */
export async function signInByApi(
  server: Pick<RunningServer, 'url'>,
  input: { username: string; password: string },
): Promise<string> {
  const answer = await callApi<{ login: { token: string } }>(server, {
    query: 'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
    variables: { u: input.username, p: input.password },
  });
  const token = answer.data?.login.token;
  if (!token) throw new Error(`login as ${input.username} failed: ${answer.errors?.[0]?.message ?? 'no token'}`);
  return token;
}

/** Loads a fictional network and creates an investigator, as the admin, through the API; throws when refused. */
export async function importWithInvestigator(
  server: Pick<RunningServer, 'url'>,
  input: { adminToken: string; script: string; investigator: { username: string; password: string } },
): Promise<void> {
  const imported = await callApi<{ importCypher: { ok: boolean } }>(server, {
    query: 'mutation Import($s: String!) { importCypher(script: $s) { ok } }',
    variables: { s: input.script },
    token: input.adminToken,
  });
  if (imported.data?.importCypher.ok !== true) throw new Error(`import refused: ${JSON.stringify(imported)}`);
  const { username, password } = input.investigator;
  const created = await callApi(server, {
    query: `mutation { createUser(username: "${username}", password: "${password}", role: INVESTIGATOR) { username } }`,
    token: input.adminToken,
  });
  if (created.errors) throw new Error(`createUser refused: ${created.errors[0]?.message ?? ''}`);
}
