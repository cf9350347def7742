/** autocannon as a promise, with the figures the benches report. */
import autocannon from 'autocannon';

export interface CannonRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

export interface CannonResult {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly total: number;
  readonly status5xx: number;
  readonly non2xx: number;
  readonly errors: number;
  /** GraphQL error codes seen in answers, with counts. */
  readonly errorCodes: Record<string, number>;
}

export async function cannon(options: {
  url: string;
  requests: readonly CannonRequest[];
  connections: number;
  seconds: number;
  /** Sees every answer as it arrives (status and body). */
  observe?: (status: number, body: string) => void;
}): Promise<CannonResult> {
  const errorCodes: Record<string, number> = {};
  const onResponse = (status: number, body: string) => {
    options.observe?.(status, body);
    if (!body.includes('"errors"')) return;
    for (const match of body.matchAll(/"code":"([A-Z_]+)"/g)) {
      const code = match[1] ?? 'UNKNOWN';
      errorCodes[code] = (errorCodes[code] ?? 0) + 1;
    }
  };
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: 'POST',
    requests: options.requests.map((request) => ({
      method: 'POST' as const,
      body: request.body,
      headers: { 'content-type': 'application/json', ...request.headers },
      onResponse,
    })),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    status5xx: result['5xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    errorCodes,
  };
}
