/**
 * npm run audit -- verify | tail [N] | keygen --key FILE | checkpoint [--key FILE]
 * Opens the configured store (MAILLON_DATA_DIR or NEO4J_URI) and checks or
 * prints the audit trail. Exit code 0 when the chain is intact, 1 when broken.
 */
import { AUDIT_USAGE, runAuditCommand } from '../audit/audit-command.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createStore } from '../store/create-store.ts';

async function main(): Promise<number> {
  const first = process.argv[2];
  if (first === '--help' || first === '-h') {
    // Answered before the store opens: asking for help needs no database.
    console.log(AUDIT_USAGE);
    return 0;
  }
  const config = loadConfig();
  const store = await createStore(config, createLogger('audit-cli'));
  try {
    return await runAuditCommand({
      args: process.argv.slice(2),
      store,
      out: (line) => console.log(line),
      env: process.env,
      dataDir: config.dataDir,
    });
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
