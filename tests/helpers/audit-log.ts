/**
 * The audit log as an admin reads it through the API (`auditLog`), for tests
 * that check what a request left in the trail. Plain fetch, so it serves the
 * in-process test server and an external one alike.
 */

export interface AuditLogEntry {
  readonly user: string;
  readonly role: string | null;
  readonly operation: string;
  readonly purpose: string | null;
  readonly entityIds: readonly string[];
  readonly outcome: string;
  readonly requestId: string | null;
  readonly clientAddress: string | null;
  readonly details: ({ readonly errorCodes?: readonly string[] } & Readonly<Record<string, unknown>>) | null;
}

const FIELDS = 'user role operation purpose entityIds outcome requestId clientAddress details';

/** Newest first, at most `limit` (the API allows 1000), optionally only records since an ISO time. */
export async function readAuditLog(input: {
  readonly url: string;
  readonly token: string;
  readonly limit?: number;
  readonly since?: string;
}): Promise<AuditLogEntry[]> {
  const response = await fetch(`${input.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${input.token}` },
    body: JSON.stringify({
      query: `query AuditCheck($limit: Int, $since: String) { auditLog(limit: $limit, since: $since) { ${FIELDS} } }`,
      variables: { limit: input.limit ?? 1000, since: input.since ?? null },
    }),
  });
  const body = (await response.json()) as { data?: { auditLog: AuditLogEntry[] }; errors?: { message: string }[] };
  if (!body.data) throw new Error(`auditLog failed (${response.status}): ${body.errors?.[0]?.message ?? 'no data'}`);
  return body.data.auditLog;
}
