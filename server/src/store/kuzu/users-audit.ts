/** Users and the audit trail, in their own node tables (never labels of the model). */
import { checkFollows } from '../audit-head.ts';
import type { AuditRecord, UserRecord } from '../../model/records.ts';
import type { AuditFilter } from '../ports/AuditStore.ts';
import { AUDIT_COLUMNS, AUDIT_TABLE, USER_COLUMNS, USER_TABLE, quote } from './ddl.ts';
import type { KuzuConnection, Params } from './KuzuConnection.ts';
import { toAudit, toUser } from './rows.ts';

const USER = quote(USER_TABLE);
const AUDIT = quote(AUDIT_TABLE);

const assignments = (variable: string, columns: ReadonlyArray<readonly [string, string]>, skip: string): string =>
  columns
    .filter(([name]) => name !== skip)
    .map(([name]) => `${variable}.${quote(name)} = $${name}`)
    .join(', ');

const SAVE_USER = `MERGE (u:${USER} {username: $username}) SET ${assignments('u', USER_COLUMNS, 'username')}`;
const APPEND_AUDIT = `CREATE (a:${AUDIT} {${AUDIT_COLUMNS.map(([name]) => `${quote(name)}: $${name}`).join(', ')}})`;
/**
 * A batch as one statement: each column a list, record i's value at position i (1-based).
 * Each record's entity ids start with a blank that the statement drops: Kùzu 0.11.3 cannot
 * type a list parameter holding an empty list (it asserts), nor keeps an empty list in a struct.
 */
const APPEND_AUDIT_BATCH = `UNWIND range(1, $count) AS i CREATE (a:${AUDIT} {${AUDIT_COLUMNS.map(([name]) =>
  name === 'entityIds'
    ? `${quote(name)}: list_slice($entityIds[i], 2, size($entityIds[i]))`
    : `${quote(name)}: $${name}[i]`,
).join(', ')}})`;

export async function findUser(reader: KuzuConnection, username: string): Promise<UserRecord | undefined> {
  const rows = await reader.query(`MATCH (u:${USER} {username: $username}) RETURN u`, { username });
  return rows[0] === undefined ? undefined : toUser(rows[0].u);
}

export async function listUsers(reader: KuzuConnection): Promise<UserRecord[]> {
  const rows = await reader.query(`MATCH (u:${USER}) RETURN u ORDER BY u.username`);
  return rows.map((row) => toUser(row.u));
}

export async function saveUser(writer: KuzuConnection, user: UserRecord): Promise<void> {
  await writer.query(SAVE_USER, { ...user, tokenVersion: Math.trunc(user.tokenVersion) });
}

const auditParams = (record: AuditRecord) => ({
  ...record,
  seq: Math.trunc(record.seq),
  entityIds: [...record.entityIds],
});

function batchParams(records: readonly AuditRecord[]): Params {
  const rows = records.map(auditParams);
  const params: Params = { count: records.length };
  for (const [name] of AUDIT_COLUMNS) {
    params[name] = name === 'entityIds' ? rows.map((row) => ['', ...row.entityIds]) : rows.map((row) => row[name]);
  }
  return params;
}

/**
 * One statement for the whole batch, so all or none and one commit (measured on
 * kuzu 0.11.3: one prepared CREATE per record in one transaction took 4.3-5 ms for
 * ten records, 0.4 ms a record; the statement for ten takes about what one record did).
 * Appends only behind the chain's real head (audit-head.ts); the writer is
 * exclusive, so nothing can move the head between the check and the commit.
 * `head` is that head when the caller knows it (this process is the table's only
 * writer, KuzuStore keeps it): reading it costs a scan and sort of the whole
 * table, which grows with every request (measured: most of a `{ me }` request
 * once the table holds some ten thousand records).
 */
export async function appendAudit(
  writer: KuzuConnection,
  records: readonly AuditRecord[],
  head?: { readonly last: AuditRecord | undefined },
): Promise<void> {
  const [first] = records;
  if (first === undefined) return;
  await writer.exclusive(async (session) => {
    const last = head ?? { last: await readLast(session) };
    checkFollows(last.last, first);
    if (records.length === 1) {
      await session.query(APPEND_AUDIT, auditParams(first));
      return;
    }
    await session.query(APPEND_AUDIT_BATCH, batchParams(records));
  });
}

async function readLast(connection: Pick<KuzuConnection, 'query'>): Promise<AuditRecord | undefined> {
  const rows = await connection.query(`MATCH (a:${AUDIT}) RETURN a ORDER BY a.seq DESC LIMIT 1`);
  return rows[0] === undefined ? undefined : toAudit(rows[0].a);
}

export function lastAudit(reader: KuzuConnection): Promise<AuditRecord | undefined> {
  return readLast(reader);
}

/** Newest first. Only the filters given become conditions (Kùzu cannot type a null parameter). */
export async function queryAudit(reader: KuzuConnection, filter: AuditFilter): Promise<AuditRecord[]> {
  const conditions: string[] = [];
  const params: Record<string, string | number> = { limit: Math.max(0, Math.trunc(filter.limit)) };
  if (filter.user !== undefined) {
    conditions.push('a.`user` = $user');
    params.user = filter.user;
  }
  if (filter.entityId !== undefined) {
    conditions.push('list_contains(a.entityIds, $entityId)');
    params.entityId = filter.entityId;
  }
  if (filter.since !== undefined) {
    conditions.push('a.`at` >= $since');
    params.since = filter.since;
  }
  const where = conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
  const rows = await reader.query(`MATCH (a:${AUDIT}) ${where} RETURN a ORDER BY a.seq DESC LIMIT $limit`, params);
  return rows.map((row) => toAudit(row.a));
}

/** Oldest first, after `afterSeq`. */
export async function readAuditChain(reader: KuzuConnection, afterSeq: number, limit: number): Promise<AuditRecord[]> {
  const rows = await reader.query(`MATCH (a:${AUDIT}) WHERE a.seq > $after RETURN a ORDER BY a.seq LIMIT $limit`, {
    after: Math.trunc(afterSeq),
    limit: Math.max(0, Math.trunc(limit)),
  });
  return rows.map((row) => toAudit(row.a));
}
