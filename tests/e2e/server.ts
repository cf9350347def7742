import { ADMIN, startTestServer } from '../helpers/test-server.ts';

export interface RunningServer {
  readonly url: string;
  readonly adminPassword: string;
  stop(): Promise<void>;
}

/**
 * The real server with the demo data (Mohamed Djeha "Mimo", Ofast, ...) in a fresh data directory,
 * serving the built client (`npm run build` runs first in the e2e tier). MAILLON_E2E_URL (with
 * MAILLON_E2E_PASSWORD) points the test at an already running server instead.
 */
export async function startServer(options: { seed?: 'demo' | 'none' } = {}): Promise<RunningServer> {
  const external = process.env['MAILLON_E2E_URL'];
  if (external) {
    return { url: external, adminPassword: process.env['MAILLON_E2E_PASSWORD'] ?? '', stop: async () => {} };
  }
  const server = await startTestServer({ seed: options.seed ?? 'demo' });
  return { url: server.url, adminPassword: ADMIN.password, stop: () => server.stop() };
}
