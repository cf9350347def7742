/** Admin reads and writes: the audit trail and Cypher imports. */
import { runImport } from '../../import/run-import.ts';
import { readAuditLogAs } from '../../services/audit-log.ts';
import { text } from '../../services/validate.ts';
import type { AuditRecord } from '../../model/records.ts';
import type { MaillonContext } from '../context.ts';

interface AuditLogArgs {
  limit?: number | null;
  user?: string | null;
  entityId?: string | null;
  since?: string | null;
}

interface ImportArgs {
  script: string;
  dryRun?: boolean | null;
  fileName?: string | null;
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
    // An admin without informant clearance sees the log as if no identity relationship existed.
    (
      await readAuditLogAs(ctx.services.store, args, { informantClearance: ctx.viewer?.informantClearance === true })
    ).map(toAuditEntry),
};

export const adminMutations = {
  importCypher: async (_: unknown, args: ImportArgs, ctx: MaillonContext) => {
    const fileName = args.fileName ? text({ name: 'fileName', value: args.fileName, max: 200 }) : undefined;
    const dryRun = args.dryRun ?? false;
    const report = await runImport(ctx.services.store, {
      script: args.script,
      dryRun,
      meta: ctx.meta('importCypher'),
      scope: ctx.scope,
      ...(fileName ? { fileName } : {}),
    });
    ctx.services.logger.info(
      { by: ctx.viewer?.username, fileName, dryRun, ok: report.ok, sha256: report.sha256, requestId: ctx.requestId },
      'cypher import',
    );
    return report;
  },
};
