/** What every store call carries: who asks and why, and what the caller may see. */
import type { RelType } from '../../model/index.ts';

/** Who asks and why: every transaction is tagged with it (Neo4j tx metadata, logs). */
export interface TxMeta {
  readonly user: string;
  readonly operation: string;
  readonly requestId?: string;
}

/**
 * What the caller may see. Relationship types listed here do not exist for this
 * read: they are not returned, not traversed, not counted. This is how informant
 * identities (IDENTIFIES_AS) stay invisible to uncleared users from every direction.
 */
export interface ReadScope {
  readonly hiddenRelTypes: readonly RelType[];
}
