/**
 * The one way through an import, whoever asks (the importCypher mutation, the CLI, the
 * demo seed, a reviewed change): validate the whole script, refuse it with findings
 * (at most MAX_REPORTED_ERRORS) or when it holds nothing to run, run it as one
 * transaction, report, and record it in the audit trail when the caller asks.
 *
 * A script comes held in memory (the mutation's argument) or as a file read twice in
 * chunks (see stream.ts), so that a file of hundreds of MB is never held whole.
 * Bad input never throws: it comes back as report errors with statement, line and
 * column. Only an audit record that cannot be written throws, with the report.
 */
import { randomUUID } from 'node:crypto';
import { AuditTrail } from '../audit/AuditTrail.ts';
import type { Logger } from '../logger.ts';
import type { AuditStore } from '../store/ports/AuditStore.ts';
import type { GraphImport, ImportStatements } from '../store/ports/GraphImport.ts';
import type { TxMeta } from '../store/ports/read-scope.ts';
import { emptyScriptError, scriptDigest, toReportErrors, toReportWarnings } from './pipeline.ts';
import { runFailure } from './run-failure.ts';
import { streamStatements, validateStream, type ScriptSource } from './stream.ts';
import { validateScriptOffThread } from './validate-in-worker.ts';
import type { ImportProgress, ImportReport } from './types.ts';
import { FULL_SCOPE, type ImportScope } from './validate.ts';

/** A file read as it is validated and again as it runs: `open` starts a fresh read each time. */
interface StreamedScript {
  readonly open: () => ScriptSource;
  /** Its size in bytes, for the validation pass's progress. */
  readonly bytes: number;
  /** What a refusal calls it should it change between the two reads (its path, say). */
  readonly name: string;
}

/** How the audit record of an import that no request records (a CLI run) describes who ran it. */
interface ImportAuditing {
  readonly role: string;
  readonly purpose: string;
  readonly clientAddress: string;
  /** Where a failure to record is logged before the import is reported as not recorded. */
  readonly logger: Logger;
}

export interface RunImportInput {
  readonly script: string | StreamedScript;
  readonly fileName?: string;
  readonly dryRun: boolean;
  readonly meta: TxMeta;
  /** The importing user's read scope (the API passes the viewer's); everything when absent. */
  readonly scope?: ImportScope;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Written to the audit trail as the import's record; the API's audit plugin records the mutation instead. */
  readonly audit?: ImportAuditing;
}

export type ImportStore = GraphImport & AuditStore;

/** The import ran or was refused, as the report says, but its audit record could not be written. */
export class ImportNotRecordedError extends Error {
  constructor(
    readonly report: ImportReport,
    readonly reason: unknown,
  ) {
    const why = reason instanceof Error ? reason.message : String(reason);
    super(
      `The import was ${report.ok ? 'carried out' : 'refused'} but could not be recorded in the audit trail: ${why}`,
    );
  }
}

/** What validation found, and the statements to run when it found nothing wrong. */
interface Checked {
  readonly report: Omit<ImportReport, 'ok' | 'errors' | 'nodesCreated' | 'relationshipsCreated'>;
  readonly errors: ImportReport['errors'];
  readonly runnable: number;
  readonly statements: () => ImportStatements;
}

export async function runImport(store: ImportStore, input: RunImportInput): Promise<ImportReport> {
  const report = await validatedThenRun(store, input);
  if (input.audit) await record(store, input, input.audit, report);
  return report;
}

async function validatedThenRun(store: GraphImport, input: RunImportInput): Promise<ImportReport> {
  const checked =
    typeof input.script === 'string' ? await checkText(input, input.script) : await checkStream(input, input.script);
  const refused = { ok: false, ...checked.report, nodesCreated: 0, relationshipsCreated: 0 };
  if (checked.errors.length > 0) return { ...refused, errors: checked.errors };
  if (checked.runnable === 0) return { ...refused, errors: [emptyScriptError()] };
  const total = checked.runnable;
  input.onProgress?.({ phase: 'running', done: 0, total });
  try {
    const outcome = await store.runImport(checked.statements(), {
      dryRun: input.dryRun,
      meta: input.meta,
      statements: total,
      onProgress: (done) => input.onProgress?.({ phase: 'running', done, total }),
    });
    const { nodesCreated, relationshipsCreated } = outcome;
    return { ok: true, ...checked.report, nodesCreated, relationshipsCreated, errors: [] };
  } catch (error) {
    return { ...refused, errors: [runFailure(error)] };
  }
}

/** Off the event loop when large: the API process answers other requests meanwhile. */
async function checkText(input: RunImportInput, script: string): Promise<Checked> {
  const { statements, findings, failedStatements, skippedStatements } = await validateScriptOffThread(
    script,
    input.scope ?? FULL_SCOPE,
  );
  return {
    report: {
      dryRun: input.dryRun,
      statements: statements.length + failedStatements + skippedStatements,
      warnings: toReportWarnings(findings),
      sha256: scriptDigest(script),
    },
    errors: toReportErrors(findings),
    runnable: statements.length,
    statements: () => statements,
  };
}

/** Memory stays bounded by the batches in flight, not by the file: see stream.ts. */
async function checkStream(input: RunImportInput, file: StreamedScript): Promise<Checked> {
  const script = await validateStream(file.open(), (p) =>
    input.onProgress?.({
      phase: 'validating',
      done: p.statements,
      fraction: file.bytes > 0 ? p.bytes / file.bytes : 1,
    }),
  );
  return {
    report: {
      dryRun: input.dryRun,
      statements: script.count,
      warnings: toReportWarnings(script.findings),
      sha256: script.sha256,
    },
    errors: toReportErrors(script.findings),
    runnable: script.runnable,
    statements: () =>
      streamStatements({
        source: file.open(),
        sha256: script.sha256,
        fingerprints: script.fingerprints,
        name: file.name,
      }),
  };
}

async function record(
  store: AuditStore,
  input: RunImportInput,
  audit: ImportAuditing,
  report: ImportReport,
): Promise<void> {
  try {
    await new AuditTrail({ store, logger: audit.logger }).record({
      user: input.meta.user,
      role: audit.role,
      operation: input.dryRun ? 'importCypher (dry run)' : 'importCypher',
      purpose: audit.purpose,
      entityIds: [],
      outcome: report.ok ? 'OK' : 'REJECTED',
      requestId: randomUUID(),
      clientAddress: audit.clientAddress,
      details: {
        ...(input.fileName !== undefined ? { fileName: input.fileName } : {}),
        sha256: report.sha256,
        statements: report.statements,
        dryRun: report.dryRun,
        nodesCreated: report.nodesCreated,
        relationshipsCreated: report.relationshipsCreated,
        errors: report.errors.length,
        warnings: report.warnings.length,
      },
    });
  } catch (error) {
    throw new ImportNotRecordedError(report, error);
  }
}
