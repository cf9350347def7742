/** Applies non-overlapping replacements to a text, leaving everything else (comments included) as written. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  // Insertions sort before a replacement that starts at the same offset, so neither is lost;
  // of two replacements starting together the wider wins (a rewritten SET item over its names).
  const insertion = (e: Edit): number => (e.end === e.start ? 0 : 1);
  const sorted = [...edits].sort(
    (a, b) => a.start - b.start || insertion(a) - insertion(b) || b.end - b.start - (a.end - a.start),
  );
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
