import type { AuditStore } from './audit-store.ts';
import { verifyAuditChain } from './verify-chain.ts';

export const AUDIT_USAGE = `Usage:
  npm run audit -- verify          check the hash chain; exit 1 and name the first broken record
  npm run audit -- tail [N]        print the N newest records (default 20) as JSON lines`;

/** Runs one audit command against a store; returns the process exit code. */
export async function runAuditCommand(options: {
  readonly args: readonly string[];
  readonly store: AuditStore;
  readonly out: (line: string) => void;
}): Promise<number> {
  const { args, store, out } = options;
  const [command, count] = args;
  if (command === 'verify') {
    const verdict = await verifyAuditChain(store);
    if (verdict.ok) {
      out(`audit chain intact: ${verdict.records} records, head ${verdict.headHash}`);
      return 0;
    }
    out(
      `audit chain BROKEN at record seq ${verdict.brokenSeq}: ${verdict.reason} (${verdict.records} records before it are intact)`,
    );
    return 1;
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
