/**
 * A backup's manifest: what was copied, when, from which version, and the
 * sha256 of every file, so a restore can refuse a backup changed since and
 * name the changed file before it touches anything.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST_NAME = 'maillon-backup.json';

export interface BackupManifest {
  readonly format: 1;
  readonly version: string;
  readonly createdAt: string;
  /** Every table: the graph, users, audit records and the server's own records. */
  readonly counts: { readonly nodes: number; readonly relationships: number; readonly auditRecords: number };
  readonly auditHead: { readonly seq: number; readonly hash: string };
  /** Relative path → sha256 hex, every file of the backup but the manifest. */
  readonly files: Readonly<Record<string, string>>;
}

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let read; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Every regular file under dir, as paths relative to it, sorted. */
export function listFiles(dir: string, skip: (relative: string) => boolean = () => false): string[] {
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? path.join(relative, entry.name) : entry.name;
      if (skip(child)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk('');
  return files.sort();
}

/** The first difference between the manifest and the files beside it, or undefined when they match. */
export function checkFiles(dir: string, manifest: BackupManifest): string | undefined {
  const present = listFiles(dir, (relative) => relative === MANIFEST_NAME);
  for (const file of present)
    if (!(file in manifest.files)) return `${file} is in the backup folder but not in its manifest`;
  for (const [file, expected] of Object.entries(manifest.files)) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) return `${file} is listed in the manifest but missing`;
    if (sha256File(full) !== expected) return `${file} does not match its sha256 in the manifest`;
  }
  return undefined;
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_NAME);
  if (!fs.existsSync(file)) throw new BackupError(`${dir} holds no ${MANIFEST_NAME}: not a Maillon backup.`);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BackupManifest>;
  if (parsed.format !== 1 || typeof parsed.files !== 'object' || parsed.auditHead === undefined)
    throw new BackupError(`${file} is not a manifest this version reads.`);
  return parsed as BackupManifest;
}

/** A refusal the CLI prints as is (exit code 2), as opposed to a crash. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
