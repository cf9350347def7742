/**
 * `npm start` ends here: read the configuration, start the server, stop cleanly
 * on SIGTERM/SIGINT (requests in flight finish, the store closes, exit 0).
 */
import { startServer } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { SeedError } from './seed/seed-demo.ts';

const logger = createLogger('maillon');

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Maillon cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  let server;
  try {
    server = await startServer({ config, logger });
  } catch (error) {
    if (error instanceof SeedError) {
      logger.error(error.message);
      process.stderr.write(
        `Maillon cannot start: ${error.message}\nFix the file, or set MAILLON_SEED=none to start empty.\n`,
      );
    } else {
      logger.error({ err: error }, 'Maillon cannot start');
    }
    process.exit(1);
  }
  process.stdout.write(`Maillon is running at ${server.url} (GraphQL at ${server.url}/graphql)\n`);

  let stoppingSince: number | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    if (stoppingSince !== undefined) {
      // Ctrl+C reaches both npm start's wrapper and this process: the same signal twice at once is not a second request.
      if (Date.now() - stoppingSince < 1000) return;
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
