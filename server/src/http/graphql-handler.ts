/**
 * POST /graphql on node:http: size-limited body, Apollo's executeHTTPGraphQLRequest,
 * the context built once per request, and no caching of any answer.
 */
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppServices, MaillonContext } from '../api/context.ts';
import { contextForRequest } from '../api/request-context.ts';
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

export function createGraphQLHandler(options: { apollo: ApolloServer<MaillonContext>; services: AppServices }) {
  const { apollo, services } = options;
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    if (req.method !== 'POST') {
      sendGraphQLError(res, {
        status: 405,
        code: 'BAD_REQUEST',
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
      sendGraphQLError(res, { status: 413, code: 'BAD_REQUEST', message: error.message });
      return;
    }
    const headers = headerMap(req);
    let body: unknown = text;
    if ((headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      try {
        body = JSON.parse(text);
      } catch {
        sendGraphQLError(res, { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
        return;
      }
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: url.search, body },
      context: () =>
        contextForRequest(services, {
          requestId,
          clientAddress: clientAddress(req, headers, services.config.trustProxy),
          header: (name) => headers.get(name),
          body,
        }),
    });
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
