/**
 * Kùzu connections behind serial queues, with cached prepared statements.
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

/** One Kùzu connection, its queue and its prepared statements. */
interface Lane {
  readonly connection: Connection;
  readonly queue: SerialQueue;
  readonly prepared: Map<string, PreparedStatement>;
  /** Tasks queued or running on this lane. */
  load: number;
}

/**
 * Kùzu connections, each behind its own serial queue. A task runs on the least
 * loaded one, so reads use several cores (each query runs on a libuv worker);
 * a task still has its connection to itself from start to end (transactions).
 */
export class KuzuConnection {
  private readonly lanes: Lane[];
  private closed = false;

  private readonly logger: Logger | undefined;
  /** When the last task was queued (performance.now()). */
  private lastTaskAt = Number.NEGATIVE_INFINITY;

  constructor(
    database: Database,
    options: {
      queryTimeoutMs?: number;
      logger?: Logger;
      /** Connections that run tasks side by side; a write connection wants one. Default 1. */
      connections?: number;
    } = {},
  ) {
    this.logger = options.logger;
    this.lanes = Array.from({ length: Math.max(1, options.connections ?? 1) }, () => {
      const connection = new kuzu.Connection(database);
      if (options.queryTimeoutMs !== undefined && options.queryTimeoutMs > 0) {
        connection.setQueryTimeout(options.queryTimeoutMs);
      }
      return { connection, queue: new SerialQueue(), prepared: new Map(), load: 0 };
    });
  }

  /**
   * Runs `task` (a COMMIT or CHECKPOINT on another connection) once no task of this one runs,
   * holding every lane meanwhile: see commitWhenIdle in import.ts.
   */
  async idle<T>(task: () => Promise<T>): Promise<T> {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const reached = this.lanes.map(
      (lane) =>
        new Promise<void>((atLane, refused) => {
          // Refused (the connection closed) before it reached the lane: `task` does not run.
          this.onLane(lane, () => {
            atLane();
            return released;
          }).catch(refused);
        }),
    );
    try {
      await Promise.all(reached);
      return await task();
    } finally {
      release();
    }
  }

  /** Holds one connection for the whole task (e.g. a transaction). */
  exclusive<T>(task: (session: Session) => Promise<T>): Promise<T> {
    return this.onLane(
      this.lanes.reduce((least, next) => (next.load < least.load ? next : least)),
      task,
    );
  }

  /** True when a task runs or one was queued in the last `ms`: requests are being served. */
  usedWithin(ms: number): boolean {
    return this.lanes.some((lane) => lane.load > 0) || performance.now() - this.lastTaskAt < ms;
  }

  private onLane<T>(lane: Lane, task: (session: Session) => Promise<T>): Promise<T> {
    this.lastTaskAt = performance.now();
    lane.load += 1;
    return lane.queue
      .run(async () => {
        if (this.closed) throw new StoreUnavailableError('The embedded database is closed.');
        return task(this.sessionOn(lane));
      })
      .finally(() => {
        lane.load -= 1;
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
    for (const lane of this.lanes) lane.prepared.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.lanes.map((lane) =>
        lane.queue.run(async () => {
          lane.prepared.clear();
          await lane.connection.close();
        }),
      ),
    );
  }

  private sessionOn(lane: Lane): Session {
    return {
      query: async (cypher, params = {}) => {
        try {
          const statement = await this.prepare(lane, cypher);
          return rowsOf(await lane.connection.execute(statement, params));
        } catch (error) {
          throw this.translate(error);
        }
      },
      raw: async (cypher) => {
        try {
          return rowsOf(await lane.connection.query(cypher));
        } catch (error) {
          throw this.translate(error);
        }
      },
    };
  }

  /** The client sees the error model's message; the log keeps Kùzu's own words. */
  private translate(error: unknown): Error {
    const translated = translateKuzuError(error);
    if (translated !== error) {
      this.logger?.warn({ kuzuError: error instanceof Error ? error.message : String(error) }, translated.message);
    }
    return translated;
  }

  private async prepare(lane: Lane, cypher: string): Promise<PreparedStatement> {
    const cached = lane.prepared.get(cypher);
    if (cached) return cached;
    const statement = await lane.connection.prepare(cypher);
    if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
    // Bounded: an import prepares one text per statement template, and a file may hold many.
    if (lane.prepared.size >= MAX_PREPARED) lane.prepared.delete(lane.prepared.keys().next().value as string);
    lane.prepared.set(cypher, statement);
    return statement;
  }
}
