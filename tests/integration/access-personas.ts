/**
 * The people of the access tests, one per role and clearance, created through
 * the admin API of a running test server and signed in.
 */
import { grantClearanceServerSide } from '../helpers/clearance.ts';
import type { GqlResponse, TestServer } from '../helpers/test-server.ts';

export const PERSONA_PASSWORD = 'a-long-enough-password';

export const PERSONAS = {
  viewer: { role: 'VIEWER', informantClearance: false },
  investigator: { role: 'INVESTIGATOR', informantClearance: false },
  cleared: { role: 'INVESTIGATOR', informantClearance: true },
  clearedadmin: { role: 'ADMIN', informantClearance: true },
} as const;

export type Persona = keyof typeof PERSONAS | 'admin';

/** Tokens by persona; `admin` is the first admin, who has no informant clearance. Cleared personas get it as from the CLI. */
export async function signInPersonas(server: TestServer): Promise<Record<Persona, string>> {
  const admin = await server.adminToken();
  const tokens: Partial<Record<Persona, string>> = { admin };
  for (const [username, { role, informantClearance }] of Object.entries(PERSONAS)) {
    const created = await server.gql(
      `mutation C($u: String!, $p: String!, $r: Role!) { createUser(username: $u, password: $p, role: $r) { username } }`,
      { u: username, p: PERSONA_PASSWORD, r: role },
      { token: admin },
    );
    if (created.body.errors) throw new Error(`createUser ${username}: ${created.body.errors[0]?.message}`);
    // Clearance is never granted through the API by one admin: the test stands in for the CLI operator.
    if (informantClearance) await grantClearanceServerSide(server, username);
    tokens[username as Persona] = await server.login(username, PERSONA_PASSWORD);
  }
  return tokens as Record<Persona, string>;
}

/** The error codes of a response, in order. */
export const codesOf = (response: GqlResponse<unknown>): string[] =>
  (response.body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
