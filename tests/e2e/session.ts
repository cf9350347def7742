import { afterAll, beforeAll, expect } from 'vitest';
import { checkAuditCoverage } from '../helpers/audit-coverage.ts';
import { openBrowser, type BrowserSession } from './browser.ts';
import { logGraphQLAnswers, type AnswerLog } from './graphql-answers.ts';
import { signInByApi } from './api.ts';
import { startServer, type RunningServer, type ServerOptions } from './server.ts';

export interface ExplorerSession {
  readonly server: RunningServer;
  readonly browser: BrowserSession;
  /** The /graphql answers the browser received so far. */
  readonly answers: AnswerLog;
}

/**
 * A real server with the demo data and a headless Chromium, started once per describe block.
 * When the block ends, every /graphql answer the browser received is checked against the audit
 * trail: each has a record, and the record lists every entity id the answer carried.
 */
export function useExplorerSession(
  options: ServerOptions = {},
  browserOptions: { locale?: string } = {},
): ExplorerSession {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  let answers: AnswerLog | undefined;
  let since = '';
  beforeAll(async () => {
    // A minute of slack, in case the server's clock is not this one.
    since = new Date(Date.now() - 60_000).toISOString();
    server = await startServer(options);
    browser = await openBrowser(browserOptions);
    answers = logGraphQLAnswers(browser.page);
  });
  afterAll(async () => {
    try {
      if (server && answers) {
        const observed = await answers.settled();
        // Every test signs in through the page: no answer at all means the capture is broken.
        expect(observed.length, 'GraphQL answers seen by the browser').toBeGreaterThan(0);
        const adminToken = await signInByApi(server, { username: 'admin', password: server.adminPassword });
        const gaps = await checkAuditCoverage({ url: server.url, adminToken, since, observed });
        expect(gaps, 'answers the audit trail does not fully record').toEqual([]);
      }
    } finally {
      await browser?.close();
      await server?.stop();
    }
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
    get answers() {
      return started(answers);
    },
  };
}
