/**
 * One port, three things: /graphql, /health and the client. Security headers on
 * every response; a request id on every response. Stopping lets requests in
 * flight finish (up to a grace period) before connections are cut.
 */
import type { ApolloServer } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppServices, MaillonContext } from '../api/context.ts';
import { requestScope } from '../api/request-scope.ts';
import { createGraphQLHandler } from './graphql-handler.ts';
import { answerHealth } from './health.ts';
import { sendJson } from './respond.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { createStaticHandler } from './static-client.ts';

export class HttpServer {
  readonly #server: http.Server;
  readonly #services: AppServices;

  constructor(options: { apollo: ApolloServer<MaillonContext>; services: AppServices; clientDir: string }) {
    const { services } = options;
    this.#services = services;
    const graphql = createGraphQLHandler(options);
    const serveClient = createStaticHandler(options.clientDir);
    const production = services.config.nodeEnv === 'production';

    this.#server = http.createServer((req, res) => {
      const requestId = randomUUID();
      setSecurityHeaders(res, { production });
      res.setHeader('X-Request-Id', requestId);
      const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
      const handle = async (): Promise<void> => {
        if (pathname === '/graphql') return graphql(req, res, requestId);
        if (pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
          return answerHealth(res, services.store);
        }
        if (req.method === 'GET' || req.method === 'HEAD') return serveClient(req, res);
        sendJson(res, { status: 405, body: { error: 'Method not allowed' }, headers: { Allow: 'GET, HEAD' } });
      };
      requestScope.run({ requestId }, () => {
        handle().catch((error: unknown) => {
          services.logger.error({ err: error, requestId, path: pathname }, 'request failed');
          if (!res.headersSent) sendJson(res, { status: 500, body: { error: 'Internal server error', requestId } });
          else res.destroy();
        });
      });
    });
    // Slow-loris and idle sockets must not hold the server open forever.
    this.#server.headersTimeout = 20_000;
    this.#server.requestTimeout = 120_000;
    this.#server.keepAliveTimeout = 5_000;
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        resolve(this.#server.address() as AddressInfo);
      });
    });
  }

  /** Stops accepting; waits for requests in flight up to `graceMs`, then cuts what is left. */
  close(graceMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#services.logger.warn('grace period over: closing the remaining connections');
        this.#server.closeAllConnections();
      }, graceMs);
      this.#server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      this.#server.closeIdleConnections();
    });
  }
}
