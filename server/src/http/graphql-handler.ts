/**
 * POST /graphql on node:http: size-limited body, Apollo's executeHTTPGraphQLRequest,
 * the context built once per request, and no answer cached (Cache-Control: no-store). Every request
 * leaves an audit record, also when it is refused before any resolver runs.
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices, AuditMark, MaillonContext } from '../api/context.ts';
import { attributedViewer, contextForRequest } from '../api/request-context.ts';
import { recordRefusal } from '../audit/record-refusal.ts';
import { ErrorCode, RateLimitedError, refusedStatusOf } from '../errors.ts';
import type { RateVerdict } from '../security/RateLimiter.ts';
import { BodyTooLargeError, readBody } from './body.ts';
import { sendGraphQLError } from './respond.ts';

/**
 * The caller's address: the socket's, or, behind one trusted proxy, the last
 * X-Forwarded-For entry (the one the proxy appended; earlier ones the client can forge).
 */
function clientAddress(req: IncomingMessage, headers: HeaderMap, trustProxy: boolean): string {
  const forwarded = trustProxy ? headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  return forwarded || (req.socket.remoteAddress ?? 'unknown');
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** The code of the first error in a complete answer, if it has one. */
function firstErrorCode(body: HTTPGraphQLResponse['body']): string | undefined {
  if (body.kind !== 'complete') return undefined;
  try {
    const parsed = JSON.parse(body.string) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    const code = parsed.errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The answer to a refused request from an address past its refusal limit: 429 with Retry-After. */
function sendFlooded(res: ServerResponse, retryAfterSeconds: number): void {
  const error = new RateLimitedError(
    `Too many refused requests from this address. Try again in ${retryAfterSeconds} s.`,
    retryAfterSeconds,
  );
  sendGraphQLError(res, {
    status: refusedStatusOf(ErrorCode.RATE_LIMITED),
    code: error.code,
    message: error.message,
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

export function createGraphQLHandler(options: { apollo: ApolloServer<MaillonContext>; services: AppServices }) {
  const { apollo, services } = options;
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const headers = headerMap(req);
    const address = clientAddress(req, headers, services.config.trustProxy);
    // The audit plugin sets the mark when it records the request; whatever it never saw
    // (refused here, in the context function, or by Apollo before execution) is recorded below.
    const auditMark: AuditMark = { attempted: false };
    let context: MaillonContext | undefined;
    let body: unknown;
    // A refusal counts against the address; past its limit it is folded into the minute's summary instead.
    const recordIfUnaudited = async (code: string, httpStatus: number): Promise<RateVerdict> => {
      if (auditMark.attempted) return { allowed: true };
      auditMark.attempted = true;
      const verdict = (await services.security?.refusals.count({ address, code, requestId })) ?? { allowed: true };
      if (!verdict.allowed) return verdict;
      await recordRefusal(
        { trail: services.security?.trail, logger: services.logger },
        {
          requestId,
          clientAddress: address,
          code,
          httpStatus,
          viewer: context?.viewer ?? (await attributedViewer(services, headers.get('authorization'))),
          purpose: context?.purpose,
          body,
        },
      );
      return verdict;
    };
    const refuse = async (refusal: { status: number; message: string; headers?: Record<string, string> }) => {
      const verdict = await recordIfUnaudited('BAD_REQUEST', refusal.status);
      if (!verdict.allowed) sendFlooded(res, verdict.retryAfterSeconds);
      else sendGraphQLError(res, { ...refusal, code: 'BAD_REQUEST' });
    };

    if (req.method !== 'POST') {
      await refuse({
        status: 405,
        message: 'Send GraphQL operations as POST with Content-Type: application/json.',
        headers: { Allow: 'POST' },
      });
      return;
    }
    let text: string;
    try {
      text = await readBody(req, services.config.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('Connection', 'close');
      await refuse({ status: 413, message: error.message });
      return;
    }
    if ((headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      try {
        body = JSON.parse(text);
      } catch {
        await refuse({ status: 400, message: 'The request body is not valid JSON.' });
        return;
      }
    } else {
      body = text;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: url.search, body },
      context: async () =>
        (context = await contextForRequest(services, {
          requestId,
          clientAddress: address,
          header: (name) => headers.get(name),
          body,
          auditMark,
        })),
    });
    // Apollo's own refusals carry a code; an answer the audit plugin missed without one is a fault here.
    // Checked first: the answer is parsed again only when the plugin never saw the request.
    if (!auditMark.attempted) {
      const code = firstErrorCode(response.body) ?? 'INTERNAL_SERVER_ERROR';
      const verdict = await recordIfUnaudited(code, response.status ?? 200);
      if (!verdict.allowed) {
        sendFlooded(res, verdict.retryAfterSeconds);
        return;
      }
    }
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
