/** Admin reads and writes: the audit trail and Cypher imports. */
import { MaillonError, ErrorCode } from '../../errors.ts';
import { readAuditLog } from '../../services/audit-log.ts';
import type { AuditRecord } from '../../store/GraphStore.ts';
import type { MaillonContext } from '../context.ts';

interface AuditLogArgs {
  limit?: number | null;
  user?: string | null;
  entityId?: string | null;
  since?: string | null;
}

function parseDetails(details: string): unknown {
  if (details === '') return null;
  try {
    return JSON.parse(details) as unknown;
  } catch {
    return details;
  }
}

const toAuditEntry = (record: AuditRecord) => ({
  ...record,
  purpose: record.purpose === '' ? null : record.purpose,
  details: parseDetails(record.details),
});

export const adminQueries = {
  auditLog: async (_: unknown, args: AuditLogArgs, ctx: MaillonContext) =>
    (await readAuditLog(ctx.services.store, args)).map(toAuditEntry),
};

export const adminMutations = {
  importCypher: () => {
    throw new MaillonError(ErrorCode.IMPORT_INVALID, 'Cypher import is not available on this server yet.');
  },
};
