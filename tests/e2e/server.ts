import { ADMIN, startTestServer } from '../helpers/test-server.ts';

export interface RunningServer {
  readonly url: string;
  readonly adminPassword: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  readonly seed?: 'demo' | 'none';
  /** Extra server environment (e.g. MAILLON_CANARY_IDS); an external server cannot take it. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The real server with the demo data (Mohamed Djeha "Mimo", Ofast, ...) in a fresh data directory,
 * serving the built client (`VITE_E2E_HOOK=on npm run build` runs first in the e2e tier, so the
 * bundle carries window.__maillon). MAILLON_E2E_URL (with MAILLON_E2E_PASSWORD) points the test
 * at an already running server instead.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const external = process.env['MAILLON_E2E_URL'];
  if (external) {
    if (options.env) throw new Error('This test configures its own server; unset MAILLON_E2E_URL to run it.');
    return { url: external, adminPassword: process.env['MAILLON_E2E_PASSWORD'] ?? '', stop: async () => {} };
  }
  const server = await startTestServer({ seed: options.seed ?? 'demo', ...(options.env ? { env: options.env } : {}) });
  return { url: server.url, adminPassword: ADMIN.password, stop: () => server.stop() };
}
