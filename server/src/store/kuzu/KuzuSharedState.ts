/**
 * SharedStateStore on the embedded store. The database admits one process, so
 * that process's memory is already shared by every request (MemorySharedState);
 * only suspensions go into a table, because they must outlast a restart and the
 * server-side CLI (`npm run users -- clear-suspension`) must be able to lift one
 * while no server runs.
 *
 * Suspensions are kept in memory once read: every request asks for its user's, and
 * a read of the table waits while an import commits (Kùzu begins no transaction
 * then: 8 s for a 20,000-person import, issue 11). The process holding the
 * database is the table's only writer (the CLI cannot open it meanwhile), so what
 * it wrote itself is all that can change the table.
 */
import { MemorySharedState } from '../MemorySharedState.ts';
import type { Suspension } from '../SharedStateStore.ts';
import { quote, SUSPENSION_TABLE } from './ddl.ts';
import type { KuzuConnection, Session } from './KuzuConnection.ts';
import { OwnWritesCache } from './own-writes-cache.ts';

const TABLE = quote(SUSPENSION_TABLE);

const suspensionFrom = (value: unknown): Suspension => {
  const row = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof row[key] === 'string' ? row[key] : '');
  return { user: text('user'), at: text('at'), reason: text('reason'), requestId: text('requestId') };
};

export class KuzuSharedState extends MemorySharedState {
  /** Each user's suspension (or none) as last read, dropped at each write of it. */
  private readonly known = new OwnWritesCache<Suspension>();

  constructor(
    private readonly reader: KuzuConnection,
    private readonly writer: KuzuConnection,
  ) {
    super();
  }

  override async suspend(suspension: Suspension): Promise<boolean> {
    return this.writing(suspension.user, async (session) => {
      const found = await session.query(`MATCH (s:${TABLE} {\`user\`: $user}) RETURN s.\`user\` AS user`, {
        user: suspension.user,
      });
      if (found.length > 0) return false;
      await session.query(
        `CREATE (s:${TABLE} {\`user\`: $user, \`at\`: $at, reason: $reason, requestId: $requestId})`,
        { ...suspension },
      );
      return true;
    });
  }

  override async liftSuspension(user: string): Promise<boolean> {
    return this.writing(user, async (session) => {
      const found = await session.query(`MATCH (s:${TABLE} {\`user\`: $user}) RETURN s.\`user\` AS user`, { user });
      if (found.length === 0) return false;
      await session.query(`MATCH (s:${TABLE} {\`user\`: $user}) DELETE s`, { user });
      return true;
    });
  }

  override findSuspension(user: string): Promise<Suspension | undefined> {
    return this.known.find(user, async () => {
      const rows = await this.reader.query(`MATCH (s:${TABLE} {\`user\`: $user}) RETURN s`, { user });
      return rows[0] === undefined ? undefined : suspensionFrom(rows[0].s);
    });
  }

  /** A write of `user`'s row: read from the table again afterwards, whether it committed or not. */
  private writing<T>(user: string, task: (session: Session) => Promise<T>): Promise<T> {
    return this.known.save(user, () => this.writer.exclusive(task));
  }
}
