/**
 * An import reads with the importing user's read scope. Without informant clearance
 * the restricted relationship types do not exist inside an import either: naming one
 * is refused exactly like a type the model does not have (model-check.ts), and every
 * relationship pattern that names no type (`-[r]-`, `-->`, `-[*1..3]-`) is rewritten
 * to name the visible types, so nothing restricted is matched, traversed, counted or
 * copied. Runs on the Neo4j dialect, so both stores see the same statement.
 */
import { REL_TYPES, type RelType } from '../model/index.ts';
import { isPatternOpen } from '../cypher/names.ts';
import { applyEdits, type Edit } from '../cypher/rewrite.ts';
import { findClose, isPunct, tokenize, type Token } from '../cypher/tokens.ts';

function visibleRelTypes(hidden: readonly RelType[]): RelType[] {
  const hiddenSet = new Set(hidden);
  return REL_TYPES.filter((t) => !hiddenSet.has(t));
}

/** The statement with every untyped relationship pattern limited to the visible types. */
export function limitToVisibleTypes(cypher: string, hidden: readonly RelType[]): string {
  if (hidden.length === 0) return cypher;
  const types = visibleRelTypes(hidden)
    .map((t) => `\`${t}\``)
    .join('|');
  const tokens = tokenize(cypher);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isPunct(t, '[') && isPatternOpen(tokens, i)) {
      const close = findClose(tokens, i);
      let j = i + 1;
      const first = tokens[j];
      if (first !== undefined && (first.kind === 'word' || first.kind === 'quoted')) j++;
      if (j <= close && !isPunct(tokens[j], ':')) {
        const at = (tokens[j - 1] as Token).end;
        edits.push({ start: at, end: at, text: `:${types}` });
      }
    } else if (isBareArrow(tokens, i)) {
      const at = t.end;
      edits.push({ start: at, end: at, text: `[:${types}]` });
    }
  }
  return applyEdits(cypher, edits);
}

/** `)--(`, `)-->(` and `)<--(`: a relationship pattern without brackets, at its first dash. */
function isBareArrow(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!isPunct(tokens[i - 1], ')') || !isPunct(tokens[i + 2], '(')) return false;
  return (isPunct(t, '-') || isPunct(t, '<-')) && (isPunct(next, '-') || isPunct(next, '->'));
}
