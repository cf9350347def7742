/**
 * The one class that touches the driver: sessions, transactions with metadata and
 * timeouts, error translation and the outage breaker. Neo4jStore only says which
 * query to run with which values.
 */
import neo4j, { type Driver, type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { StoreUnavailableError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { TxMeta } from '../ports/read-scope.ts';
import { Availability } from './availability.ts';
import { boltAddress } from './bolt-probe.ts';
import type { CypherQuery } from './query.ts';
import { RETRY_AFTER_SECONDS, translateDriverError } from './translate-error.ts';
import { fromNeo4j, toNeo4j } from './values.ts';

export type Row = Record<string, unknown>;
export type Tx = ManagedTransaction | Transaction;

export interface RunnerOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly queryTimeoutMs: number;
  readonly logger: Logger;
}

/**
 * Bounds that make a dead database fail in about two seconds, not the driver's
 * defaults of 30 s (connect), 60 s (pool) and 30 s (retries).
 */
const CONNECT_TIMEOUT_MS = 2000;
const ACQUISITION_TIMEOUT_MS = 2500;
/** Allows one retry (after the driver's ~1 s back-off) of a transient failure such as a deadlock. */
const MAX_RETRY_TIME_MS = 300;
/** Extra time the client gives the server's own transaction timeout before giving up itself. */
const DEADLINE_GRACE_MS = 3000;

interface ManagedWork<T> {
  readonly mode: 'READ' | 'WRITE';
  readonly meta: TxMeta;
  readonly work: (tx: ManagedTransaction) => Promise<T>;
  readonly timeoutMs: number;
}

export class Runner {
  private readonly driver: Driver;
  private readonly availability: Availability;

  constructor(private readonly options: RunnerOptions) {
    const log = options.logger;
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
      maxTransactionRetryTime: MAX_RETRY_TIME_MS,
      userAgent: 'maillon',
      // The driver logs every failed connection; outages are reported once, by the breaker.
      logging: { level: 'error', logger: (_level, message) => log.debug({ message }, 'neo4j-driver') },
    });
    this.availability = new Availability({
      address: boltAddress(options.uri),
      cooldownMs: RETRY_AFTER_SECONDS * 1000,
      probeTimeoutMs: CONNECT_TIMEOUT_MS,
      onDown: (reason) => log.warn({ err: reason }, 'Neo4j is unavailable; failing fast until it answers again'),
    });
  }

  read<T>(meta: TxMeta, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.managed({ mode: 'READ', meta, work, timeoutMs: timeoutMs ?? this.options.queryTimeoutMs });
  }

  write<T>(meta: TxMeta, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.managed({ mode: 'WRITE', meta, work, timeoutMs: timeoutMs ?? this.options.queryTimeoutMs });
  }

  /**
   * One read-only statement in an auto-commit transaction: the statement and its
   * results in one round trip, where a managed transaction adds its BEGIN and COMMIT.
   * For reads of one statement (a request's user and suspension, entities, adjacency);
   * no retry, which such a read does not need.
   */
  readOnce<P extends string>(meta: TxMeta, query: CypherQuery<P>, params: Record<P, unknown>): Promise<Row[]> {
    const timeoutMs = this.options.queryTimeoutMs;
    return this.guarded(timeoutMs, async () => {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(query.text, toNeo4j(params) as Record<string, unknown>, {
          timeout: timeoutMs,
          metadata: metadata(meta),
        });
        return result.records.map((record) => fromNeo4j(record.toObject()) as Row);
      } finally {
        await session.close();
      }
    });
  }

  /** An explicit transaction that `work` commits or rolls back; rolled back here if `work` throws. */
  explicit<T>(meta: TxMeta, timeoutMs: number, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.guarded(timeoutMs, async () => {
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
      const tx = session.beginTransaction({ timeout: timeoutMs, metadata: metadata(meta) });
      try {
        return await work(tx);
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw error;
      } finally {
        await session.close();
      }
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private managed<T>({ mode, meta, work, timeoutMs }: ManagedWork<T>): Promise<T> {
    return this.guarded(timeoutMs, async () => {
      const accessMode = mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE;
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: accessMode });
      const config = { timeout: timeoutMs, metadata: metadata(meta) };
      try {
        return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
      } finally {
        await session.close();
      }
    });
  }

  /**
   * Breaker first, then the work with a client-side deadline: the server's transaction
   * timeout cannot fire if the server no longer answers at all.
   */
  private async guarded<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
    await this.availability.check();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailableError()), timeoutMs + DEADLINE_GRACE_MS);
    });
    try {
      return await Promise.race([work(), deadline]);
    } catch (error) {
      const translated = translateDriverError(error);
      if (translated instanceof StoreUnavailableError) this.availability.markDown(error);
      throw translated;
    } finally {
      clearTimeout(timer);
    }
  }
}

function metadata(meta: TxMeta): Record<string, string> {
  return {
    user: meta.user,
    operation: meta.operation,
    ...(meta.requestId === undefined ? {} : { requestId: meta.requestId }),
  };
}

/** Runs one query from queries.ts; the compiler checks that exactly its declared parameters are given. */
export async function run<P extends string>(tx: Tx, query: CypherQuery<P>, params: Record<P, unknown>): Promise<Row[]> {
  const result = await tx.run(query.text, toNeo4j(params) as Record<string, unknown>);
  return result.records.map((record) => fromNeo4j(record.toObject()) as Row);
}

/**
 * Like run(), with the driver's values left as they are (Integer, Date, ...), for readers that
 * must keep each value's stored type (the export: export-reads.ts).
 */
export async function runTyped<P extends string>(
  tx: Tx,
  query: CypherQuery<P>,
  params: Record<P, unknown>,
): Promise<Array<Record<string, unknown>>> {
  const result = await tx.run(query.text, toNeo4j(params) as Record<string, unknown>);
  return result.records.map((record) => record.toObject() as Record<string, unknown>);
}
