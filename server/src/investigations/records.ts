/**
 * The records of investigations and sourced facts, and how each becomes a row of
 * the CaseFileStore port (which stores rows and knows nothing of their meaning).
 */
import type { CaseFileStore, CaseRow, CaseTable } from '../store/CaseFileStore.ts';

const ACCESS_LEVELS = ['OWNER', 'EDITOR', 'READER'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];
export const isAccess = (value: unknown): value is Access => ACCESS_LEVELS.some((a) => a === value);

export interface Member {
  readonly username: string;
  readonly access: Access;
}

export interface Investigation {
  readonly id: string;
  readonly name: string;
  readonly caseNumber: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly members: readonly Member[];
  /** Who added or removed whom or what, when: the investigation's journal. */
  readonly journal: readonly JournalEntry[];
}

interface JournalEntry {
  readonly at: string;
  readonly user: string;
  readonly action: string;
}

export interface SavedView {
  readonly id: string;
  readonly investigationId: string;
  readonly name: string;
  /** The canvas as the explorer saved it (workspace format: nodes, relationships, positions, filters). */
  readonly view: unknown;
  readonly savedBy: string;
  readonly savedAt: string;
  /** Ids of the entities on the view: what deconfliction looks for. */
  readonly subjects: readonly string[];
}

export interface Note {
  readonly id: string;
  readonly investigationId: string;
  /** An entity, a relationship or a view. */
  readonly targetId: string;
  readonly author: string;
  readonly at: string;
  readonly text: string;
}

type NoticeKind = 'deconfliction' | 'mention';

/** What one user is told: another team's interest in an entity, or a mention in a note. */
export interface Notice {
  readonly id: string;
  readonly recipient: string;
  readonly kind: NoticeKind;
  readonly at: string;
  readonly entityId: string | null;
  /** Only ever an investigation the recipient is a member of. */
  readonly investigationId: string | null;
  /** Whom it is about or whom to contact: usernames, never an investigation's content. */
  readonly otherParty: string;
  readonly reason: string;
}

type ProposalStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export type Change =
  | {
      readonly op: 'createEntity';
      readonly label: string;
      readonly id: string;
      readonly properties: Readonly<Record<string, unknown>>;
    }
  | {
      readonly op: 'createRelationship';
      readonly type: string;
      readonly id: string;
      readonly source: string;
      readonly target: string;
      readonly properties: Readonly<Record<string, unknown>>;
    };

/** A source given with a proposal that is not in the graph yet. */
export interface NewDocument {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly publishedAt?: string;
}

export interface Proposal {
  readonly id: string;
  readonly change: Change;
  readonly sources: readonly string[];
  readonly documents: readonly NewDocument[];
  readonly grading: string;
  readonly proposer: string;
  readonly proposedAt: string;
  readonly status: ProposalStatus;
  readonly reviewer?: string;
  readonly reviewedAt?: string;
}

export type HistoryAction = 'proposed' | 'approved' | 'rejected';

export interface HistoryEntry {
  readonly id: string;
  readonly targetId: string;
  readonly at: string;
  readonly user: string;
  readonly action: HistoryAction;
  readonly before: unknown;
  readonly after: unknown;
  readonly sources: readonly string[];
  readonly grading: string;
  readonly proposalId: string;
  readonly approver: string | null;
}

/** The reviewer right: an investigator who may approve others' changes. */
interface Grant {
  readonly id: string;
  readonly reviewer: boolean;
  readonly grantedBy: string;
  readonly at: string;
}

interface Codec<T> {
  readonly table: CaseTable;
  row(record: T): CaseRow;
}

const body = (record: object): string => JSON.stringify(record);

/** A lookup key every investigation row carries (no username can be "*"). */
export const ALL_INVESTIGATIONS = '*';

const INVESTIGATIONS: Codec<Investigation> = {
  table: 'investigation',
  // ALL_INVESTIGATIONS lets an admin list every investigation (existence and members only).
  row: (i) => ({
    id: i.id,
    owner: i.createdBy,
    lookupKeys: [ALL_INVESTIGATIONS, ...i.members.map((m) => m.username)],
    at: i.createdAt,
    body: body(i),
  }),
};
const VIEWS: Codec<SavedView> = {
  table: 'view',
  row: (v) => ({ id: v.id, owner: v.investigationId, lookupKeys: v.subjects, at: v.savedAt, body: body(v) }),
};
const NOTES: Codec<Note> = {
  table: 'note',
  row: (n) => ({ id: n.id, owner: n.investigationId, lookupKeys: [n.targetId], at: n.at, body: body(n) }),
};
const NOTICES: Codec<Notice> = {
  table: 'notice',
  row: (n) => ({ id: n.id, owner: n.recipient, lookupKeys: [], at: n.at, body: body(n) }),
};
const PROPOSALS: Codec<Proposal> = {
  table: 'proposal',
  row: (p) => ({ id: p.id, owner: p.proposer, lookupKeys: [p.status], at: p.proposedAt, body: body(p) }),
};
const HISTORY: Codec<HistoryEntry> = {
  table: 'history',
  row: (h) => ({ id: h.id, owner: h.targetId, lookupKeys: [h.proposalId], at: h.at, body: body(h) }),
};
const GRANTS: Codec<Grant> = {
  table: 'grant',
  row: (g) => ({ id: g.id, owner: g.grantedBy, lookupKeys: [], at: g.at, body: body(g) }),
};

/** Typed access to one kind of record over the port. */
class Records<T> {
  constructor(
    private readonly store: CaseFileStore,
    private readonly codec: Codec<T>,
  ) {}

  put(record: T): Promise<void> {
    return this.store.putCaseRow(this.codec.table, this.codec.row(record));
  }

  async find(id: string): Promise<T | undefined> {
    const [row] = await this.store.caseRowsById(this.codec.table, [id]);
    return row === undefined ? undefined : (JSON.parse(row.body) as T);
  }

  async byOwner(owner: string): Promise<T[]> {
    return (await this.store.caseRowsByOwner(this.codec.table, owner)).map((row) => JSON.parse(row.body) as T);
  }

  async byKey(keys: readonly string[]): Promise<T[]> {
    return (await this.store.caseRowsByKey(this.codec.table, keys)).map((row) => JSON.parse(row.body) as T);
  }
}

/** Every kind of record, over one store. */
export function caseRecords(store: CaseFileStore) {
  return {
    investigations: new Records(store, INVESTIGATIONS),
    views: new Records(store, VIEWS),
    notes: new Records(store, NOTES),
    notices: new Records(store, NOTICES),
    proposals: new Records(store, PROPOSALS),
    history: new Records(store, HISTORY),
    grants: new Records(store, GRANTS),
  };
}
export type CaseRecords = ReturnType<typeof caseRecords>;
