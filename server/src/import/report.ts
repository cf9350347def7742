/** The import report as a person reads it (the CLI prints this; --json prints the report itself). */
import type { ImportReport } from './types.ts';

export function formatReport(report: ImportReport, fileName: string): string {
  const lines: string[] = [];
  const mode = report.dryRun ? 'Dry run of' : 'Import of';
  if (report.ok) {
    const verb = report.dryRun ? 'would create' : 'created';
    lines.push(
      `${mode} ${fileName}: OK. ${report.statements.toLocaleString('en')} statements ${verb} ` +
        `${report.nodesCreated.toLocaleString('en')} nodes and ${report.relationshipsCreated.toLocaleString('en')} relationships.`,
    );
    if (report.dryRun) lines.push('Nothing was changed (the transaction was rolled back).');
  } else {
    lines.push(`${mode} ${fileName}: REFUSED. Nothing was changed.`);
    for (const e of report.errors) {
      const where = e.statement > 0 ? `${fileName}:${e.line}:${e.column} (statement ${e.statement})` : fileName;
      lines.push(`  ${where}: ${e.message}`);
    }
  }
  if (report.warnings.length > 0) {
    lines.push(`Warnings (${report.warnings.length.toLocaleString('en')}):`);
    for (const w of report.warnings)
      lines.push(`  ${fileName}:${w.line}:${w.column} (statement ${w.statement}): ${w.message}`);
  }
  lines.push(`sha256 ${report.sha256}`);
  return lines.join('\n');
}
