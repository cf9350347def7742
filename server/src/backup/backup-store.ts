/**
 * Backup and restore of the embedded store: a file copy of the data directory
 * (Kùzu's database file, the audit journal, the token secret) with a manifest.
 * Kùzu admits one process per database and has no online copy, so a backup is
 * taken only while no other process holds the folder, and refused clearly
 * otherwise; a restore is copied into a sibling folder, verified there (every
 * checksum, then the audit chain against the manifest's head) and only then
 * renamed into place, so a failure leaves nothing half-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createStore } from '../store/create-store.ts';
import { countEmbeddedTables as countGraph } from '../store/count-embedded.ts';
import { findHolders } from '../store/store-holders.ts';
import {
  BackupError,
  MANIFEST_NAME,
  checkFiles,
  listFiles,
  readManifest,
  sha256File,
  type BackupManifest,
} from './manifest.ts';

type Progress = (line: string) => void;

/** Scratch space of an import in progress: not part of the store's state. */
const skipped = (relative: string): boolean => relative === 'import-scratch' || relative.endsWith('.lock');

function refuseIfHeld(dataDir: string, doing: string): void {
  const holders = findHolders(dataDir);
  if (holders.length === 0) return;
  throw new BackupError(
    `The embedded store at ${dataDir} is open in another process:\n` +
      holders.map((h) => `    pid ${h.pid}: ${h.command}`).join('\n') +
      `\nKùzu admits one process per database and has no online copy, so nothing was ${doing}.\n` +
      `Stop the server (it closes the store on SIGTERM) and run this command again.`,
  );
}

function refuseIfNotEmpty(dir: string, force: boolean): void {
  if (!fs.existsSync(dir) || fs.readdirSync(dir).length === 0 || force) return;
  throw new BackupError(`${dir} is not empty; give --force to replace what it holds.`);
}

async function chainHead(options: {
  readonly config: Config;
  readonly dataDir: string;
  readonly logger: Logger;
}): Promise<{ records: number; seq: number; hash: string }> {
  const store = await createStore({ ...options.config, dataDir: options.dataDir }, options.logger);
  try {
    const verdict = await verifyAuditChain(store);
    if (!verdict.ok) throw new BackupError(`audit chain BROKEN at record seq ${verdict.brokenSeq}: ${verdict.reason}`);
    return { records: verdict.records, seq: verdict.records, hash: verdict.headHash };
  } finally {
    await store.close();
  }
}

function copyFiles(from: string, to: string, files: readonly string[], progress: Progress): void {
  let done = 0;
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(path.join(from, file), path.join(to, file));
    fs.chmodSync(path.join(to, file), fs.statSync(path.join(from, file)).mode & 0o777);
    done += fs.statSync(path.join(to, file)).size;
    progress(`copied ${file} (${(done / 1_048_576).toFixed(1)} MB so far)`);
  }
}

export async function backupStore(options: {
  readonly config: Config;
  readonly target: string;
  readonly force: boolean;
  readonly version: string;
  readonly progress: Progress;
  readonly logger: Logger;
}): Promise<BackupManifest> {
  const { config, progress } = options;
  const source = path.resolve(config.dataDir);
  const target = path.resolve(options.target);
  if (!fs.existsSync(path.join(source, 'kuzu'))) throw new BackupError(`${source} holds no embedded store.`);
  if (target === source || target.startsWith(source + path.sep))
    throw new BackupError(`The backup folder must be outside MAILLON_DATA_DIR (${source}).`);
  refuseIfHeld(source, 'copied');
  refuseIfNotEmpty(target, options.force);
  progress(`verifying the audit chain in ${source}`);
  const head = await chainHead({ config, dataDir: source, logger: options.logger });
  const counts = await countGraph(path.join(source, 'kuzu'));
  // A server started meanwhile would change the files under the copy: check again after it.
  const staging = `${target}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const files = listFiles(source, skipped);
  copyFiles(source, staging, files, progress);
  refuseIfHeld(source, 'kept (a process opened the store during the copy)');
  progress('computing checksums');
  const manifest: BackupManifest = {
    format: 1,
    version: options.version,
    createdAt: new Date().toISOString(),
    counts: { ...counts, auditRecords: head.records },
    auditHead: { seq: head.seq, hash: head.hash },
    files: Object.fromEntries(files.map((file) => [file, sha256File(path.join(staging, file))])),
  };
  fs.writeFileSync(path.join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.renameSync(staging, target);
  return manifest;
}

export async function restoreStore(options: {
  readonly config: Config;
  readonly source: string;
  readonly force: boolean;
  readonly progress: Progress;
  readonly logger: Logger;
}): Promise<{ manifest: BackupManifest; records: number; headHash: string }> {
  const { config, progress } = options;
  const source = path.resolve(options.source);
  const target = path.resolve(config.dataDir);
  const manifest = readManifest(source);
  if (fs.existsSync(target)) refuseIfHeld(target, 'restored');
  refuseIfNotEmpty(target, options.force);
  progress(`checking ${Object.keys(manifest.files).length} files against the manifest`);
  const mismatch = checkFiles(source, manifest);
  if (mismatch) throw new BackupError(`Refusing the backup in ${source}: ${mismatch}. Nothing was restored.`);
  const staging = `${target}.restoring-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    copyFiles(source, staging, Object.keys(manifest.files), progress);
    progress('verifying the audit chain of the restored copy');
    const head = await chainHead({ config, dataDir: staging, logger: options.logger });
    if (head.seq !== manifest.auditHead.seq || head.hash !== manifest.auditHead.hash)
      throw new BackupError(
        `The restored audit chain ends at seq ${head.seq} ${head.hash}, the manifest says seq ` +
          `${manifest.auditHead.seq} ${manifest.auditHead.hash}. Nothing was restored.`,
      );
    const replaced = `${target}.replaced-${process.pid}`;
    if (fs.existsSync(target)) fs.renameSync(target, replaced);
    fs.renameSync(staging, target);
    fs.rmSync(replaced, { recursive: true, force: true });
    return { manifest, records: head.records, headHash: head.hash };
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
