/**
 * Signed checkpoints of the audit chain, for an oversight body. The chain alone
 * shows a changed record, but whoever can write the database files can also
 * rewrite every record after it, or cut the tail off. A checkpoint is the
 * chain's head (seq and hash) signed with an Ed25519 key kept outside the
 * database and stored outside it too; verification then requires every
 * checkpointed record to be in the chain with exactly that hash.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditStore } from './audit-store.ts';

export interface Checkpoint {
  readonly seq: number;
  readonly hash: string;
  /** When the checkpoint was signed (ISO). */
  readonly at: string;
  /** Ed25519 signature of `signedText`, base64. */
  readonly signature: string;
}

export class CheckpointError extends Error {}

const signedText = (c: Pick<Checkpoint, 'seq' | 'hash' | 'at'>): Buffer =>
  Buffer.from(`maillon-audit-checkpoint\n${c.seq}\n${c.hash}\n${c.at}`, 'utf8');

/** Whether `file` lies inside `dir` (the key must never live with the data it vouches for). */
function isInside(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Creates KEY (private, mode 600) and KEY.pub; refuses to overwrite or to write under the data directory. */
export function createSigningKey(keyFile: string, dataDir: string): { privateKey: string; publicKey: string } {
  if (isInside(keyFile, dataDir)) {
    throw new CheckpointError(
      `refusing to keep the signing key under MAILLON_DATA_DIR (${dataDir}): whoever can write the database could then re-sign it`,
    );
  }
  const publicFile = `${keyFile}.pub`;
  for (const file of [keyFile, publicFile]) {
    if (fs.existsSync(file)) throw new CheckpointError(`${file} exists already; move it away to make a new key`);
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  fs.mkdirSync(path.dirname(path.resolve(keyFile)), { recursive: true });
  fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  fs.writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey: keyFile, publicKey: publicFile };
}

function readKey(file: string, kind: 'private' | 'public'): KeyObject {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch {
    throw new CheckpointError(`cannot read the ${kind} key ${file}`);
  }
  const key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new CheckpointError(`${file} is not an Ed25519 key`);
  return key;
}

function readCheckpoints(file: string): Checkpoint[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as Checkpoint;
      } catch {
        throw new CheckpointError(`${file} line ${index + 1} is not a checkpoint`);
      }
    });
}

/** Signs the chain's head and appends the checkpoint to `checkpointsFile`; returns it. */
export async function writeCheckpoint(input: {
  readonly store: AuditStore;
  readonly keyFile: string;
  readonly checkpointsFile: string;
  readonly now?: Date;
}): Promise<Checkpoint> {
  const key = readKey(input.keyFile, 'private');
  const head = await input.store.lastAudit();
  if (!head) throw new CheckpointError('the audit trail is empty: nothing to sign');
  const unsigned = { seq: head.seq, hash: head.hash, at: (input.now ?? new Date()).toISOString() };
  const checkpoint: Checkpoint = { ...unsigned, signature: sign(null, signedText(unsigned), key).toString('base64') };
  fs.appendFileSync(input.checkpointsFile, `${JSON.stringify(checkpoint)}\n`);
  return checkpoint;
}

export type CheckpointVerdict =
  { readonly ok: true; readonly checkpoints: number } | { readonly ok: false; readonly reason: string };

/** Every checkpoint is validly signed and its record is in the chain with the signed hash. */
export async function verifyCheckpoints(input: {
  readonly store: AuditStore;
  readonly publicKeyFile: string;
  readonly checkpointsFile: string;
}): Promise<CheckpointVerdict> {
  const key = readKey(input.publicKeyFile, 'public');
  const checkpoints = readCheckpoints(input.checkpointsFile);
  for (const checkpoint of checkpoints) {
    const signature = Buffer.from(String(checkpoint.signature), 'base64');
    if (!verify(null, signedText(checkpoint), key, signature)) {
      return { ok: false, reason: `the checkpoint of seq ${checkpoint.seq} (${checkpoint.at}) has a bad signature` };
    }
    const [record] = await input.store.readAuditChain(checkpoint.seq - 1, 1);
    if (record?.seq !== checkpoint.seq) {
      return {
        ok: false,
        reason: `record seq ${checkpoint.seq}, signed at ${checkpoint.at}, is missing from the chain`,
      };
    }
    if (record.hash !== checkpoint.hash) {
      return {
        ok: false,
        reason: `record seq ${checkpoint.seq} differs from the one signed at ${checkpoint.at} (the chain was rewritten)`,
      };
    }
  }
  return { ok: true, checkpoints: checkpoints.length };
}
