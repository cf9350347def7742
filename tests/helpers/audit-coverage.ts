/**
 * "Every entity id a request returned is in that request's audit record",
 * checked from the outside: the answers a client saw (request id from the
 * X-Request-Id header, ids from the body) against the audit log an admin reads.
 */
import { readAuditLog, type AuditLogEntry } from './audit-log.ts';

/** One /graphql answer as a client saw it. */
export interface ObservedAnswer {
  readonly requestId: string | undefined;
  /** For messages: the operation name, or what is known of the request. */
  readonly operation: string;
  readonly entityIds: readonly string[];
}

/** The largest page auditLog returns. */
const AUDIT_PAGE = 1000;

/** What is wrong, one line per problem; empty when every answer is fully recorded. */
export function auditGaps(observed: readonly ObservedAnswer[], records: readonly AuditLogEntry[]): string[] {
  const byRequest = new Map(records.map((r) => [r.requestId, r]));
  const gaps: string[] = [];
  for (const answer of observed) {
    if (!answer.requestId) {
      gaps.push(`${answer.operation}: the answer carries no X-Request-Id`);
      continue;
    }
    const record = byRequest.get(answer.requestId);
    if (!record) {
      gaps.push(`${answer.operation} (${answer.requestId}): no audit record`);
      continue;
    }
    const listed = new Set(record.entityIds);
    const missing = answer.entityIds.filter((id) => !listed.has(id));
    if (missing.length > 0) {
      gaps.push(`${answer.operation} (${answer.requestId}): returned but not recorded: ${missing.join(', ')}`);
    }
  }
  return gaps;
}

/** Reads the audit log since `since` as an admin and compares; says so when the log was too long to read whole. */
export async function checkAuditCoverage(input: {
  readonly url: string;
  readonly adminToken: string;
  readonly since: string;
  readonly observed: readonly ObservedAnswer[];
}): Promise<string[]> {
  const records = await readAuditLog({
    url: input.url,
    token: input.adminToken,
    limit: AUDIT_PAGE,
    since: input.since,
  });
  const gaps = auditGaps(input.observed, records);
  if (gaps.length > 0 && records.length >= AUDIT_PAGE) {
    gaps.push(`the audit log since ${input.since} holds ${AUDIT_PAGE} records or more: older ones were not read`);
  }
  return gaps;
}
