/**
 * The port for investigations' own records: investigations, saved views, notes,
 * notices (deconfliction, mentions), change proposals, the history of facts and
 * the reviewer right.
 * Each adapter keeps them in node tables or labels of their own, beside the
 * model's and never matched by an explorer query, so they are never entities:
 * search, neighbourhood, stats and the red flags cannot see them.
 *
 * The port stores rows and knows nothing of what they mean: the domain
 * (server/src/investigations/records.ts) owns each record's shape and turns it
 * into a row. A row is found by its id, by its owner (the investigation, user or
 * fact it belongs to) or by any of its lookup keys (members, entities on a view).
 */

/** One node table (Kùzu) or label (Neo4j) per kind of record. */
export const CASE_TABLES = ['investigation', 'view', 'note', 'notice', 'proposal', 'history', 'grant'] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

/** The Kùzu node table or Neo4j label of each kind: never a label of the model. */
export const CASE_STORAGE_NAMES: Readonly<Record<CaseTable, string>> = {
  investigation: 'MaillonInvestigation',
  view: 'MaillonView',
  note: 'MaillonNote',
  notice: 'MaillonNotice',
  proposal: 'MaillonProposal',
  history: 'MaillonHistory',
  grant: 'MaillonGrant',
};

export interface CaseRow {
  readonly id: string;
  /** What the row belongs to and is listed by: an investigation id, a username, an entity id. */
  readonly owner: string;
  /** Further values the row is found by (member usernames, entity ids on a view). */
  readonly lookupKeys: readonly string[];
  /** ISO datetime: rows listed by owner or keys come oldest first. */
  readonly at: string;
  /** The record itself, as JSON. */
  readonly body: string;
}

export interface CaseFileStore {
  /** Inserts the row or replaces the one with its id. */
  putCaseRow(table: CaseTable, row: CaseRow): Promise<void>;
  /** The rows with these ids, oldest first; unknown ids are left out. */
  caseRowsById(table: CaseTable, ids: readonly string[]): Promise<CaseRow[]>;
  /** Every row of this owner, oldest first. */
  caseRowsByOwner(table: CaseTable, owner: string): Promise<CaseRow[]>;
  /** Every row with at least one of these lookup keys, each once, oldest first. */
  caseRowsByKey(table: CaseTable, keys: readonly string[]): Promise<CaseRow[]>;
}

/** Whether a store (or a wrapper around one) also keeps case files. */
export function isCaseFileStore(store: object): store is CaseFileStore {
  return 'putCaseRow' in store && 'caseRowsById' in store && 'caseRowsByOwner' in store && 'caseRowsByKey' in store;
}

export const byAtThenId = (a: CaseRow, b: CaseRow): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
