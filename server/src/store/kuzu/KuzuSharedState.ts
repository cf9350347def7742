/**
 * SharedStateStore on the embedded store. The database admits one process, so
 * that process's memory is already shared by every request (MemorySharedState);
 * only suspensions go into a table, because they must outlast a restart and the
 * server-side CLI (`npm run users -- clear-suspension`) must be able to lift one
 * while no server runs.
 */
import { MemorySharedState } from '../MemorySharedState.ts';
import type { Suspension } from '../SharedStateStore.ts';
import { quote, SUSPENSION_TABLE } from './ddl.ts';
import type { KuzuConnection } from './KuzuConnection.ts';

const TABLE = quote(SUSPENSION_TABLE);

const suspensionFrom = (value: unknown): Suspension => {
  const row = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof row[key] === 'string' ? row[key] : '');
  return { user: text('user'), at: text('at'), reason: text('reason'), requestId: text('requestId') };
};

export class KuzuSharedState extends MemorySharedState {
  constructor(
    private readonly reader: KuzuConnection,
    private readonly writer: KuzuConnection,
  ) {
    super();
  }

  override async suspend(suspension: Suspension): Promise<boolean> {
    return this.writer.exclusive(async (session) => {
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
    return this.writer.exclusive(async (session) => {
      const found = await session.query(`MATCH (s:${TABLE} {\`user\`: $user}) RETURN s.\`user\` AS user`, { user });
      if (found.length === 0) return false;
      await session.query(`MATCH (s:${TABLE} {\`user\`: $user}) DELETE s`, { user });
      return true;
    });
  }

  override async findSuspension(user: string): Promise<Suspension | undefined> {
    const rows = await this.reader.query(`MATCH (s:${TABLE} {\`user\`: $user}) RETURN s`, { user });
    return rows[0] === undefined ? undefined : suspensionFrom(rows[0].s);
  }
}
