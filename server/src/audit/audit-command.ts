import type { AuditStore } from './audit-store.ts';
import { CheckpointError, createSigningKey, verifyCheckpoints, writeCheckpoint } from './checkpoints.ts';
import { verifyAuditChain } from './verify-chain.ts';

export const AUDIT_USAGE = `Usage:
  npm run audit -- verify [KEY OPTIONS]      check the hash chain and every signed checkpoint;
                                             exit 1 and name the first broken or missing record
  npm run audit -- tail [N]                  print the N newest records (default 20) as JSON lines
  npm run audit -- keygen --key FILE         create an Ed25519 key pair: FILE (private) and FILE.pub,
                                             never under MAILLON_DATA_DIR
  npm run audit -- checkpoint [KEY OPTIONS]  sign the chain's head and append it to the checkpoints file

Key options (MAILLON_AUDIT_KEY gives --key): --key FILE, --public-key FILE (default FILE.pub),
--checkpoints FILE (default FILE.checkpoints.jsonl). Keep the key and the checkpoints off the
database machine, or send each checkpoint line to the oversight body.`;

interface KeyFiles {
  readonly key?: string;
  readonly publicKey?: string;
  readonly checkpoints?: string;
}

function keyFiles(args: readonly string[], env: Readonly<Record<string, string | undefined>>): KeyFiles {
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const key = value('--key') ?? env.MAILLON_AUDIT_KEY;
  const publicKey = value('--public-key') ?? (key ? `${key}.pub` : undefined);
  const checkpoints =
    value('--checkpoints') ?? env.MAILLON_AUDIT_CHECKPOINTS ?? (key ?? publicKey)?.replace(/\.pub$/, '');
  return {
    ...(key ? { key } : {}),
    ...(publicKey ? { publicKey } : {}),
    ...(checkpoints
      ? { checkpoints: checkpoints.endsWith('.jsonl') ? checkpoints : `${checkpoints}.checkpoints.jsonl` }
      : {}),
  };
}

/** Runs one audit command against a store; returns the process exit code. */
export async function runAuditCommand(options: {
  readonly args: readonly string[];
  readonly store: AuditStore;
  readonly out: (line: string) => void;
  /** For the key options' defaults; process.env in the CLI. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** MAILLON_DATA_DIR: the signing key must not be created under it. */
  readonly dataDir?: string;
}): Promise<number> {
  const { args, store, out } = options;
  const [command, count] = args;
  const files = keyFiles(args, options.env ?? {});
  try {
    if (command === 'verify') return await verify(store, files, out);
    if (command === 'keygen') {
      if (!files.key) throw new CheckpointError('keygen needs --key FILE');
      const created = createSigningKey(files.key, options.dataDir ?? '');
      out(`created ${created.privateKey} (private, keep it off the database machine) and ${created.publicKey}`);
      return 0;
    }
    if (command === 'checkpoint') {
      if (!files.key || !files.checkpoints)
        throw new CheckpointError('checkpoint needs --key FILE or MAILLON_AUDIT_KEY');
      const chain = await verifyAuditChain(store);
      if (!chain.ok) {
        out(`refusing to sign: audit chain BROKEN at record seq ${chain.brokenSeq}: ${chain.reason}`);
        return 1;
      }
      const checkpoint = await writeCheckpoint({ store, keyFile: files.key, checkpointsFile: files.checkpoints });
      out(`signed the head, seq ${checkpoint.seq}, into ${files.checkpoints}:`);
      out(JSON.stringify(checkpoint));
      return 0;
    }
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error;
    out(error.message);
    return 2;
  }
  if (command === 'tail') {
    const limit = count === undefined ? 20 : Number(count);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      out(`N must be a whole number between 1 and 10000.\n${AUDIT_USAGE}`);
      return 2;
    }
    for (const record of (await store.queryAudit({ limit })).reverse()) out(JSON.stringify(record));
    return 0;
  }
  out(AUDIT_USAGE);
  return 2;
}

async function verify(store: AuditStore, files: KeyFiles, out: (line: string) => void): Promise<number> {
  const verdict = await verifyAuditChain(store);
  if (!verdict.ok) {
    out(
      `audit chain BROKEN at record seq ${verdict.brokenSeq}: ${verdict.reason} (${verdict.records} records before it are intact)`,
    );
    return 1;
  }
  out(`audit chain intact: ${verdict.records} records, head ${verdict.headHash}`);
  if (!files.publicKey || !files.checkpoints) {
    out('no signed checkpoints checked (give --public-key and --checkpoints, or MAILLON_AUDIT_KEY)');
    return 0;
  }
  const signed = await verifyCheckpoints({ store, publicKeyFile: files.publicKey, checkpointsFile: files.checkpoints });
  if (!signed.ok) {
    out(`audit chain BROKEN against its signed checkpoints: ${signed.reason}`);
    return 1;
  }
  out(`${signed.checkpoints} signed checkpoints match the chain`);
  return 0;
}
