/**
 * Assembles the server: store, first admin, demo data, auth, Apollo, HTTP.
 * main.ts calls it with the environment's configuration; the test harness calls
 * it in-process with a temporary data directory.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApolloExtensions } from './api/create-apollo.ts';
import { createApolloServer } from './api/create-apollo.ts';
import type { AppServices, MaillonContext } from './api/context.ts';
import { createSecurity } from './security/create-security.ts';
import { AuthService } from './auth/AuthService.ts';
import { ensureFirstAdmin } from './users/first-admin.ts';
import { resolveJwtSecret } from './auth/jwt-secret.ts';
import { TokenIssuer } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { HttpServer } from './http/HttpServer.ts';
import type { Logger } from './logger.ts';
import { loadScripts, seedIfEmpty, SEED_DIR, type ScriptLoader } from './seed/seed-demo.ts';
import { runImport } from './import/run-import.ts';
import { createStore } from './store/create-store.ts';
import type { GraphStore } from './store/GraphStore.ts';
import { isCaseFileStore } from './store/CaseFileStore.ts';
import { hasSharedState } from './store/SharedStateStore.ts';
import { LoginThrottle } from './auth/LoginThrottle.ts';
import { RedFlagBook } from './redflags/RedFlagBook.ts';
import { watchGraphWrites } from './redflags/watch-graph-writes.ts';
import { scopeFor } from './api/context.ts';

const CLIENT_DIST = path.resolve(import.meta.dirname, '../../client/dist');

export interface StartOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Replaces the store createStore would open (tests wrap it to inject failures). */
  readonly store?: GraphStore;
  /** Cypher files to load into an empty store instead of cypher/seed/ (tests). */
  readonly seedFiles?: readonly string[];
  readonly clientDir?: string;
  /** Replaces the security stack's plugins and rules (audit, limits, hardening). */
  readonly extensions?: ApolloExtensions;
  /** Where a generated first-admin password is shown; stdout by default. */
  readonly print?: (text: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly address: AddressInfo;
  readonly services: AppServices;
  /** Set when this start created the first admin with a generated password. */
  readonly generatedAdminPassword: string | undefined;
  stop(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const store = options.store ?? (await createStore(config, logger, { serving: true }));
  try {
    const load: ScriptLoader = (input) => runImport(store, { ...input, dryRun: false });
    if (options.seedFiles) {
      if ((await store.countNodes()) === 0) await loadScripts({ files: options.seedFiles, load, logger });
    } else if (config.seed === 'demo') {
      await seedIfEmpty({ store, load, logger, dir: SEED_DIR });
    }
    const firstAdmin = await ensureFirstAdmin({
      store,
      configuredPassword: config.adminPassword,
      logger,
      ...(options.print ? { print: options.print } : {}),
    });
    const tokens = new TokenIssuer({
      secret: resolveJwtSecret({ configured: config.jwtSecret, dataDir: config.dataDir }),
      ttlSeconds: config.tokenTtlSeconds,
    });
    // What several servers on this database must agree on is kept in it (the store is also a SharedStateStore).
    if (!hasSharedState(store)) throw new Error('The store does not keep the shared state (SharedStateStore).');
    const security = createSecurity({
      store,
      state: store,
      production: config.nodeEnv === 'production',
      logger,
      canaryIds: config.canaryIds,
      thresholds: config.readThresholds,
      rateLimitPerMinute: config.rateLimitPerMinute,
      refusalLimitPerMinute: config.refusalLimitPerMinute,
    });
    const redFlags = new RedFlagBook({
      store,
      logger,
      scanLimit: config.redFlagScanLimit,
      waitMs: config.queryTimeoutMs,
      recheckMs: config.redFlagRecheckMs,
      pauseMs: config.redFlagScanPauseMs,
    });
    const services: AppServices = {
      // Every import through the API (importCypher, a reviewed change) tells the red-flag book.
      store: watchGraphWrites(store, redFlags),
      redFlags,
      ...(isCaseFileStore(store) ? { caseFiles: store } : {}),
      config,
      logger,
      security,
      auth: new AuthService({ store, tokens, logger, throttle: new LoginThrottle({ state: store }) }),
    };
    const apollo = createApolloServer(services, options.extensions ?? security.extensions<MaillonContext>());
    await apollo.start();
    const http = new HttpServer({ apollo, services, clientDir: options.clientDir ?? CLIENT_DIST });
    const address = await http.listen(config.port, config.host);
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host}:${address.port}`;
    logger.info({ url, store: store.kind }, 'Maillon is listening');
    // The uncleared page first: most users read it. A cleared page is computed when first asked for.
    redFlags.start(scopeFor(undefined));
    let stopping: Promise<void> | undefined;
    return {
      url,
      address,
      services,
      generatedAdminPassword: firstAdmin.generatedPassword,
      stop: () =>
        (stopping ??= (async () => {
          redFlags.stop();
          await http.close(config.shutdownGraceMs);
          await apollo.stop();
          // Summaries of refusal floods are held until their minute ends: write them before the store closes.
          await security.refusals.flush();
          await store.close();
        })()),
    };
  } catch (error) {
    if (!options.store) await store.close().catch(() => undefined);
    throw error;
  }
}
