/**
 * Requests refused before Apollo runs (wrong method, a body too large or not
 * JSON, no or a bad token, a malformed X-Purpose) never reach the audit plugin,
 * yet probing with forged tokens is exactly what the trail must show. They are
 * written here, with what is known of the caller and nothing more.
 */
import { getOperationAST, parse } from 'graphql';
import type { Logger } from '../logger.ts';
import type { AuditTrail } from './AuditTrail.ts';
import { describeOperation } from './describe-operation.ts';
import { outcomeOf } from './outcome.ts';

/** A refused body is not worth parsing past this: it is only read to name the operation. */
const MAX_QUERY_CHARS = 10_000;
const MAX_NAME_CHARS = 100;

export interface Refusal {
  readonly requestId: string;
  readonly clientAddress: string;
  /** The error code the answer carries (UNAUTHENTICATED, BAD_REQUEST, BAD_USER_INPUT, ...). */
  readonly code: string;
  readonly httpStatus: number;
  /** The signed-in user, when the token was good and something else was refused. */
  readonly viewer?: { readonly username: string; readonly role: string } | undefined;
  /** A purpose that parsed; a malformed one is not repeated. */
  readonly purpose?: string | undefined;
  /** The parsed JSON body, when there was one. */
  readonly body?: unknown;
}

/** The operation a refused body asked for: its named or anonymous form, '(not parsed)' when unreadable. */
export function refusedOperation(body: unknown): { operation: string; kind?: string; fields?: string[] } {
  if (typeof body !== 'object' || body === null) return { operation: '(not parsed)' };
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  const name = typeof operationName === 'string' ? operationName.slice(0, MAX_NAME_CHARS) : undefined;
  if (typeof query !== 'string' || query.length > MAX_QUERY_CHARS) return { operation: name ?? '(not parsed)' };
  try {
    const document = parse(query, { maxTokens: 500 });
    const operation = getOperationAST(document, name) ?? undefined;
    return describeOperation({ operation, operationName: name, document });
  } catch {
    return { operation: name ?? '(not parsed)' };
  }
}

/**
 * Writes one refusal. Never throws: the answer it accompanies is a refusal that
 * carries no data, so a trail that cannot take the record has nothing to withhold;
 * answering 503 instead would only invite the client to retry a request that is
 * refused anyway. The failure is logged (AuditTrail logs it too) for the operator.
 */
export async function recordRefusal(
  to: { readonly trail: AuditTrail | undefined; readonly logger: Logger },
  refusal: Refusal,
): Promise<void> {
  const { trail } = to;
  if (!trail) return;
  const described = refusedOperation(refusal.body);
  try {
    await trail.record({
      user: refusal.viewer?.username ?? 'anonymous',
      role: refusal.viewer?.role ?? '',
      operation: described.operation,
      purpose: refusal.purpose ?? '',
      entityIds: [],
      outcome: outcomeOf([{ message: '', extensions: { code: refusal.code } }]),
      requestId: refusal.requestId,
      clientAddress: refusal.clientAddress,
      details: {
        ...described,
        refusedBeforeExecution: true,
        httpStatus: refusal.httpStatus,
        errorCodes: [refusal.code],
      },
    });
  } catch (error) {
    to.logger.error(
      { component: 'audit', err: error, requestId: refusal.requestId, code: refusal.code },
      'refused request not audited',
    );
  }
}
