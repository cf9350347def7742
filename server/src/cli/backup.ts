/**
 * npm run backup -- DIR [--force]
 * Copies the embedded store (MAILLON_DATA_DIR) into DIR with a manifest: counts,
 * the audit chain's head, the sha256 of every file. Refused while a server holds
 * the store. Progress on stderr, the summary on stdout.
 */
import { readFileSync } from 'node:fs';
import { backupStore } from '../backup/backup-store.ts';
import { BackupError } from '../backup/manifest.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';

const USAGE = 'Usage: npm run backup -- DIR [--force]   (copies MAILLON_DATA_DIR into DIR; the server must be stopped)';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const target = args.find((arg) => !arg.startsWith('--'));
  if (!target) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (config.neo4j !== undefined) {
    console.error('NEO4J_URI is set: back Neo4j up with neo4j-admin database dump (see the README).');
    return 2;
  }
  const started = Date.now();
  const manifest = await backupStore({
    config,
    target,
    force: args.includes('--force'),
    version: packageVersion(),
    progress: (line) => console.error(line),
    logger: createLogger('maillon-backup'),
  });
  const files = Object.keys(manifest.files).length;
  console.log(
    `backed up ${manifest.counts.nodes} nodes, ${manifest.counts.relationships} relationships and ` +
      `${manifest.counts.auditRecords} audit records (head seq ${manifest.auditHead.seq} ${manifest.auditHead.hash}) ` +
      `into ${target}: ${files} files in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? 'unknown';
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof BackupError ? 2 : 1);
  },
);
