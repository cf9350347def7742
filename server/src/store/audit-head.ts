/**
 * The audit chain's head as the database holds it. Several app servers append to
 * one chain: each links its batch to the head it last saw, and the store appends
 * only if that is still the head (under a lock, in the append's transaction), so
 * two servers never take the same seq or fork the chain. When another server got
 * there first, the append is refused with the real head, and the trail links the
 * batch again behind it.
 */
/** prevHash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

class AuditHeadMovedError extends Error {
  override readonly name = 'AuditHeadMovedError';
  readonly headSeq: number;
  readonly headHash: string;

  constructor(head: AuditHead) {
    super(`The audit chain's head moved to seq ${head.seq}.`);
    this.headSeq = head.seq;
    this.headHash = head.hash;
  }
}

/** The head an AuditHeadMovedError carries, also after it crossed a process boundary as plain fields. */
export function movedHead(error: unknown): AuditHead | undefined {
  if (!(error instanceof Error) || error.name !== 'AuditHeadMovedError') return undefined;
  const { headSeq, headHash } = error as Error & { headSeq?: unknown; headHash?: unknown };
  return typeof headSeq === 'number' && typeof headHash === 'string' ? { seq: headSeq, hash: headHash } : undefined;
}

/** Throws AuditHeadMovedError unless `first` follows `head` (undefined: the chain is empty). */
export function checkFollows(head: AuditHead | undefined, first: { seq: number; prevHash: string }): void {
  const actual = head ?? { seq: 0, hash: GENESIS_HASH };
  if (first.seq !== actual.seq + 1 || first.prevHash !== actual.hash) throw new AuditHeadMovedError(actual);
}
