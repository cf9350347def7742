import type { ServerResponse } from 'node:http';

export function sendJson(
  res: ServerResponse,
  options: { status: number; body: unknown; headers?: Record<string, string> },
): void {
  const text = JSON.stringify(options.body);
  res.writeHead(options.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...options.headers,
  });
  res.end(text);
}

/** A GraphQL-shaped error for failures before Apollo runs (too large, not JSON, wrong method). */
export function sendGraphQLError(
  res: ServerResponse,
  options: { status: number; code: string; message: string; headers?: Record<string, string> },
): void {
  sendJson(res, {
    status: options.status,
    body: { errors: [{ message: options.message, extensions: { code: options.code } }] },
    ...(options.headers ? { headers: options.headers } : {}),
  });
}
