/**
 * One Kùzu connection behind a serial queue, with cached prepared statements.
 * Values always travel as parameters; only identifiers taken from the model's
 * allow-lists are ever interpolated into query text.
 */
import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import { StoreUnavailableError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { translateKuzuError } from './kuzu-errors.ts';
import { SerialQueue } from './SerialQueue.ts';

export type Row = Record<string, KuzuValue>;
const MAX_PREPARED = 512;
export type Params = Record<string, KuzuValue>;

/** What a task sees while it holds the connection: queries run without re-queueing. */
export interface Session {
  query(cypher: string, params?: Params): Promise<Row[]>;
  /** For text that cannot be prepared (import statements, DDL, CALL ... procedures). */
  raw(cypher: string): Promise<Row[]>;
}

/**
 * Reads every row and closes the result at once: a QueryResult left for the
 * garbage collector can outlive its database and crash the process
 * (segfault measured on kuzu 0.11.3 after BEGIN/COMMIT, close and reopen).
 */
const rowsOf = (result: QueryResult | QueryResult[]): Row[] => {
  const results = Array.isArray(result) ? result : [result];
  try {
    return results.flatMap((r) => r.getAllSync());
  } finally {
    for (const r of results) r.close();
  }
};

export class KuzuConnection {
  private readonly connection: Connection;
  private readonly queue = new SerialQueue();
  private readonly prepared = new Map<string, PreparedStatement>();
  private closed = false;

  private readonly logger: Logger | undefined;

  constructor(database: Database, options: { queryTimeoutMs?: number; logger?: Logger } = {}) {
    this.connection = new kuzu.Connection(database);
    this.logger = options.logger;
    if (options.queryTimeoutMs !== undefined && options.queryTimeoutMs > 0) {
      this.connection.setQueryTimeout(options.queryTimeoutMs);
    }
  }

  /** Holds the connection for the whole task (e.g. a transaction). */
  exclusive<T>(task: (session: Session) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (this.closed) throw new StoreUnavailableError('The embedded database is closed.');
      return task(this.session);
    });
  }

  query(cypher: string, params: Params = {}): Promise<Row[]> {
    return this.exclusive((session) => session.query(cypher, params));
  }

  raw(cypher: string): Promise<Row[]> {
    return this.exclusive((session) => session.raw(cypher));
  }

  /** Forgets prepared statements, which are bound to the schema they were prepared against. */
  forgetPrepared(): void {
    this.prepared.clear();
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      this.closed = true;
      this.prepared.clear();
      await this.connection.close();
    });
  }

  private readonly session: Session = {
    query: async (cypher, params = {}) => {
      try {
        const statement = await this.prepare(cypher);
        return rowsOf(await this.connection.execute(statement, params));
      } catch (error) {
        throw this.translate(error);
      }
    },
    raw: async (cypher) => {
      try {
        return rowsOf(await this.connection.query(cypher));
      } catch (error) {
        throw this.translate(error);
      }
    },
  };

  /** The client sees the error model's message; the log keeps Kùzu's own words. */
  private translate(error: unknown): Error {
    const translated = translateKuzuError(error);
    if (translated !== error) {
      this.logger?.warn({ kuzuError: error instanceof Error ? error.message : String(error) }, translated.message);
    }
    return translated;
  }

  private async prepare(cypher: string): Promise<PreparedStatement> {
    const cached = this.prepared.get(cypher);
    if (cached) return cached;
    const statement = await this.connection.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    // Bounded: an import prepares one text per statement template, and a file may hold many.
    if (this.prepared.size >= MAX_PREPARED) this.prepared.delete(this.prepared.keys().next().value as string);
    this.prepared.set(cypher, statement);
    return statement;
  }
}
