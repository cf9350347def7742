/**
 * Imports run in ONE explicit transaction on the write connection: every
 * statement commits, or none does. A dry run executes everything (so errors and
 * counts are real) and rolls back. Kùzu rolls a transaction back by itself when
 * a statement fails; the ROLLBACK afterwards is then refused, which is fine.
 * Statements are taken from the stream one at a time, so only the one running
 * (and what the stream reads ahead) is held in memory.
 */
import { ErrorCode, MaillonError } from '../../errors.ts';
import { EventLoopTurns } from '../../event-loop-turns.ts';
import { NODE_LABELS, REL_SPECS, REL_TYPES } from '../../model/index.ts';
import type { ImportOptions, ImportOutcome, ImportStatement, ImportStatements } from '../ports/GraphImport.ts';
import { BulkCopy } from './bulk-copy.ts';
import { bulkBatchOf } from './bulk-rows.ts';
import { labelAlternatives, quote } from './ddl.ts';
import type { IndexedNode } from '../search/NameIndex.ts';
import type { KuzuConnection, Session } from './KuzuConnection.ts';
import { refreshSearchText } from './search-index.ts';
import { mayDelete, readDelta, readMarks, type SnapshotDelta } from './snapshot-delta.ts';
import type { Token } from '../../cypher/tokens.ts';
import { rowSegments } from './row-segments.ts';
import { translateStatement } from './translate.ts';

const COUNT_NODES = `MATCH (n:${labelAlternatives(NODE_LABELS)}) RETURN count(n) AS c`;
/**
 * One query per relationship type and start label: inside a transaction, Kùzu
 * 0.11.3 returns uncommitted relationships of a multi-pair table twice when the
 * start node is unlabelled (measured: `MATCH ()-[r:PAID]->()` counts 2 for 1),
 * and miscounts patterns naming several relationship tables.
 */
const perTypeAndStart = (body: (from: string, type: string) => string): string[] =>
  REL_TYPES.flatMap((type) =>
    [...new Set(REL_SPECS[type].endpoints.map(([from]) => from))].map((from) => body(quote(from), quote(type))),
  );
const COUNT_RELS = perTypeAndStart((from, type) => `MATCH (:${from})-[r:${type}]->() RETURN count(r) AS c`);
/** New relationship tables give ids by default (ddl.ts); this covers databases created before that. */
const ASSIGN_MISSING_REL_IDS = perTypeAndStart(
  (from, type) => `MATCH (:${from})-[r:${type}]->() WHERE r.id IS NULL SET r.id = string(gen_random_uuid())`,
);

async function count(session: Session, cypher: string): Promise<number> {
  const rows = await session.query(cypher);
  return Number(rows[0]?.c ?? 0);
}

async function countRelationships(session: Session): Promise<number> {
  let total = 0;
  for (const cypher of COUNT_RELS) total += await count(session, cypher);
  return total;
}

/** Kùzu's verdict on a statement, located in the file. Store outages pass through unchanged. */
function statementError(statement: Pick<ImportStatement, 'index' | 'line' | 'column'>, error: unknown): Error {
  if (error instanceof MaillonError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MaillonError(ErrorCode.IMPORT_INVALID, message.split('\n')[0] ?? message, {
    statement: statement.index,
    line: statement.line,
    column: statement.column,
  });
}

type Position = Pick<ImportStatement, 'index' | 'line' | 'column'>;

/** The statement as Kùzu can take it: whole, or once per stretch of rows of one shape (row-segments.ts). */
function statementParts(statement: ImportStatement): ReadonlyArray<{ text: string; tokens?: readonly Token[] }> {
  const segments = rowSegments(statement.cypher);
  switch (segments.kind) {
    case 'whole':
      return [{ text: statement.cypher, tokens: segments.tokens }];
    case 'segments':
      return segments.statements.map((text) => ({ text }));
    case 'refused': {
      const before = statement.cypher.slice(0, segments.offset).split('\n');
      const line = statement.line + before.length - 1;
      const column = before.length > 1 ? (before.at(-1)?.length ?? 0) + 1 : statement.column + segments.offset;
      throw new MaillonError(ErrorCode.IMPORT_INVALID, segments.message, { statement: statement.index, line, column });
    }
  }
}

/**
 * Copies the batches gathered; a failure is located at the first statement of the
 * table it failed on (`positions` holds the gathered statements' places) and names the range.
 */
async function flushBulk(bulk: BulkCopy, positions: Map<number, Position>): Promise<void> {
  try {
    await bulk.flush();
  } catch (error) {
    const range = bulk.failedAt;
    const first = range && positions.get(range.first);
    if (error instanceof MaillonError || range === undefined || first === undefined) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const within = range.last > range.first ? ` (loading statements ${range.first}-${range.last} together)` : '';
    throw statementError(first, new Error(`${message.split('\n')[0] ?? message}${within}`));
  } finally {
    positions.clear();
  }
}

/**
 * Kùzu 0.11.3 keeps a rolled-back update's mark on the row: the next transaction updating it
 * is refused "Write-write conflict of updating the same row" until the database checkpoints or
 * reopens (issue 11; measured with kuzu alone: BEGIN, SET, ROLLBACK, then BEGIN, SET, COMMIT
 * fails from the second round on). A CHECKPOINT right after the rollback clears it. After a
 * rolled-back COPY FROM the checkpoint itself crashes the process ("double free or
 * corruption", as do the next relationship COPY and closing the database): then the database
 * must be reopened by a process that did not close it (`onUnsafeRollback`, kuzu-child.ts).
 */
async function afterRollback(
  session: Session,
  bulk: BulkCopy,
  whenIdle: <T>(task: () => Promise<T>) => Promise<T>,
  onUnsafeRollback?: () => void,
): Promise<void> {
  if (bulk.copied) {
    onUnsafeRollback?.();
    return;
  }
  await whenIdle(() => session.raw('CHECKPOINT')).catch(() => onUnsafeRollback?.());
}

/**
 * Kùzu checkpoints inside the COMMIT of a transaction that ran a COPY FROM (always: ClientContext
 * sets forceCheckpoint for it), holding the lock that a transaction takes to begin and to end,
 * and waits for every transaction to end. A read in flight then finishes but cannot end: the
 * checkpoint gives up after 5 s (DEFAULT_CHECKPOINT_WAIT_TIMEOUT_IN_MICROS) and the COMMIT
 * throws, its transaction already in the write-ahead log (measured beside 3 readers, issue 11).
 * So the COMMIT waits until no read runs; reads sent meanwhile wait for it (as they would in Kùzu).
 */
function commitWhenIdle(
  session: Session,
  bulk: BulkCopy,
  whenIdle: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<unknown> {
  const commit = () => session.raw('COMMIT');
  return bulk.copied ? whenIdle(commit) : commit();
}

/** What a committed import changed, for the caches beside the database. */
export interface CommittedImport {
  /** Nodes created, renamed or re-aliased. */
  readonly renamed: readonly IndexedNode[];
  /**
   * Reads the nodes and relationships it added; undefined when it did more than add
   * (snapshot-delta.ts). Only when there is a snapshot to extend: a million-person import
   * adds 4.7 M rows, which the command line (no snapshot) would read for nothing.
   */
  readonly added: () => Promise<SnapshotDelta | undefined>;
}

/** `onCommitted` hears what changed, once it is committed (never on a dry run). */
export function runImport(
  writer: KuzuConnection,
  statements: ImportStatements,
  options: ImportOptions & {
    scratchDir: string;
    onUnsafeRollback?: () => void;
    /** False when nobody takes the renamed nodes in (no name index built): they are not read back. */
    namesWanted?: () => boolean;
    /** True while reads are being served: the statement loop then leaves them half the CPU. */
    readsServed?: () => boolean;
    /** Runs a COMMIT or CHECKPOINT once no read is in flight on the database (KuzuConnection.idle). */
    whenIdle?: <T>(task: () => Promise<T>) => Promise<T>;
  },
  onCommitted?: (committed: CommittedImport) => void | Promise<void>,
): Promise<ImportOutcome> {
  const whenIdle = options.whenIdle ?? ((task) => task());
  return writer.exclusive(async (session) => {
    await session.raw('BEGIN TRANSACTION');
    const bulk = new BulkCopy(session, options.scratchDir);
    /** Where the batches gathered in `bulk` are in the file, to locate a failed COPY. */
    const gathered = new Map<number, Position>();
    const flush = (): Promise<void> => flushBulk(bulk, gathered);
    try {
      const nodesBefore = await count(session, COUNT_NODES);
      const relsBefore = await countRelationships(session);
      const marks = options.dryRun ? undefined : await readMarks(session);
      let deletes = false;
      let done = 0;
      // A batch of statements is at hand (import-channel.ts) and gathering one into the bulk
      // copy awaits nothing: without turns, the reads and audit appends sent to this process
      // meanwhile waited for the whole batch (measured 2-5 s at a time, issue 11).
      // While reads come, each turn rests as long as the batch worked: the import takes at most half
      // a core, the reads the rest (an import alone, e.g. the command line's, never rests).
      const turns = new EventLoopTurns(10, options.readsServed);
      // An error thrown by the stream itself (not by a statement) passes through unchanged.
      for await (const statement of statements) {
        await turns.turn();
        try {
          for (const { text, tokens } of statementParts(statement)) {
            const { cypher, params } = translateStatement(text, { parameters: true, ...(tokens && { tokens }) });
            deletes ||= mayDelete(cypher);
            // Not on a dry run: kuzu 0.11.3 crashed the process closing a database after a rolled-back
            // COPY into a relationship table (the store contract suite, a dry run of a relationship batch).
            const batch = options.dryRun ? undefined : bulkBatchOf(cypher, params);
            if (batch !== undefined) {
              if (!bulk.accepts()) await flush();
              gathered.set(statement.index, { index: statement.index, line: statement.line, column: statement.column });
              bulk.add(batch, statement.index);
              continue;
            }
            await flush();
            // Prepared (and cached by text) when rows travel as a parameter: batches of one template share it.
            if (Object.keys(params).length > 0) await session.query(cypher, params);
            else await session.raw(cypher);
          }
        } catch (error) {
          throw statementError(statement, error);
        }
        done++;
        options.onProgress?.(done);
      }
      await flush();
      for (const cypher of ASSIGN_MISSING_REL_IDS) await session.query(cypher);
      const renamed = await refreshSearchText(session, options.namesWanted?.() ?? true);
      // Net growth: a file that only deletes created nothing (never a negative count).
      const outcome: ImportOutcome = {
        statements: done,
        nodesCreated: Math.max(0, (await count(session, COUNT_NODES)) - nodesBefore),
        relationshipsCreated: Math.max(0, (await countRelationships(session)) - relsBefore),
      };
      if (options.dryRun) {
        await session.raw('ROLLBACK');
        await afterRollback(session, bulk, whenIdle, options.onUnsafeRollback);
      } else await commitWhenIdle(session, bulk, whenIdle);
      if (marks !== undefined) {
        // Read once committed, still holding the writer (onCommitted is awaited inside it): the
        // offsets are final and nothing else writes.
        const added = async (): Promise<SnapshotDelta | undefined> =>
          deletes ? undefined : await readDelta(session, marks).catch(() => undefined);
        await onCommitted?.({ renamed, added });
      }
      return outcome;
    } catch (error) {
      await session.raw('ROLLBACK').catch(() => undefined);
      await afterRollback(session, bulk, whenIdle, options.onUnsafeRollback);
      throw error;
    } finally {
      bulk.dispose();
    }
  });
}
