/**
 * What the model check knows of one statement while it reads it (variables and their
 * labels or types, UNWIND rows, findings so far) and the helpers both the pattern
 * check (model-check.ts) and the SET / REMOVE check (set-check.ts) report through.
 */
import type { NodeLabel, PropertySpec, RelType } from '../model/index.ts';
import { resolveValues, type RowSources } from '../cypher/rows.ts';
import type { Token } from '../cypher/tokens.ts';
import { checkValue } from './value-check.ts';

export interface ModelFinding {
  readonly message: string;
  readonly offset: number;
}

/** Per statement: what each variable is bound to, and what the rows of each UNWIND hold. */
export interface StatementScope {
  readonly nodes: Map<string, NodeLabel | undefined>;
  readonly rels: Map<string, RelType | undefined>;
  readonly rows: RowSources;
  readonly findings: ModelFinding[];
  /** Relationship types the importing user cannot see: inside the import they do not exist. */
  readonly hiddenRelTypes: ReadonlySet<string>;
}

/** Enough to be useful, few enough to read: a file with a systematic mistake repeats it per row. */
export const MAX_FINDINGS_PER_STATEMENT = 10;

export function checkResolvedValue(input: {
  scope: StatementScope;
  tokens: readonly Token[];
  entry: { key: string; first: number; last: number };
  spec: PropertySpec;
  owner: string;
}): void {
  const { scope, tokens, entry, spec, owner } = input;
  for (const value of resolveValues(tokens, entry, scope.rows)) {
    const problem = checkValue(spec, value.literal);
    if (problem !== undefined) {
      const where = value.row === undefined ? '' : ` (row ${value.row} of the UNWIND list)`;
      report(scope, value.literal.offset, `${owner}.${entry.key} ${problem}${where}.`);
      if (scope.findings.length >= MAX_FINDINGS_PER_STATEMENT) return;
    }
  }
}

export function unknownProperty(key: string, owner: string, allowed: Readonly<Record<string, PropertySpec>>): string {
  return `Unknown property ${key} on ${owner}. Allowed properties: ${Object.keys(allowed).join(', ')}.`;
}

export function report(scope: StatementScope, offset: number, message: string): void {
  if (scope.findings.length < MAX_FINDINGS_PER_STATEMENT) scope.findings.push({ message, offset });
}
