import { afterAll, beforeAll } from 'vitest';
import { openBrowser, type BrowserSession } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface ExplorerSession {
  readonly server: RunningServer;
  readonly browser: BrowserSession;
}

/** A real server with the demo data and a headless Chromium, started once per describe block. */
export function useExplorerSession(): ExplorerSession {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The explorer session has not started.');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
