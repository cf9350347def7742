/**
 * npm run restore -- DIR [--force]
 * Restores a backup made by `npm run backup` into MAILLON_DATA_DIR: refuses a
 * non-empty target without --force and a store a server holds, checks every
 * file against the manifest, verifies the audit chain of the copy, and renames
 * it into place only then. Exit 0 restored, 2 refused (nothing touched).
 */
import { restoreStore } from '../backup/backup-store.ts';
import { BackupError } from '../backup/manifest.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const source = args.find((arg) => !arg.startsWith('--'));
  if (!source) {
    console.error('Usage: npm run restore -- DIR [--force]   (restores the backup in DIR into MAILLON_DATA_DIR)');
    return 2;
  }
  const config = loadConfig();
  const started = Date.now();
  const restored = await restoreStore({
    config,
    source,
    force: args.includes('--force'),
    progress: (line) => console.error(line),
    logger: createLogger('maillon-restore'),
  });
  console.log(
    `restored ${restored.manifest.counts.nodes} nodes and ${restored.manifest.counts.relationships} relationships ` +
      `into ${config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
      `audit chain intact: ${restored.records} records, head ${restored.headHash} (as the backup's manifest says)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof BackupError ? 2 : 1);
  },
);
