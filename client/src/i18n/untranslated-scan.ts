/**
 * Finds interface text written straight into components instead of read from the dictionaries:
 * text between tags (`>Save<`), literal `aria-label`, `title` and `placeholder` attributes, and
 * quoted words in code (`pinned ? 'Unpin' : 'Pin'`), but not key names (`e.key === 'Enter'`).
 * Test support for i18n.test.ts; a plain scan of the source, no TypeScript parser needed.
 */

export interface Finding {
  readonly line: number;
  readonly text: string;
}

/** Text that is not words: symbols, arrows, punctuation, a single letter key. */
const NOT_WORDS = /^[^A-Za-zÀ-ÿ]*$|^[A-Za-z]$/;

const stripComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:])\/\/.*$/gm, '$1');

/** What follows a generic's `>` (`useState<Making>('idle')`, `Map<string, number>()`) rather than JSX text. */
const looksLikeCode = (text: string): boolean =>
  /^(export|function|const|let|return|if|else|async|await)\b/.test(text) ||
  /[;=]|&&|\|\||\($|^[(),:\]]|^\w+$(?<!^[A-Z][a-z]+)/.test(text);

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

export function untranslatedText(source: string): Finding[] {
  const code = stripComments(source);
  const findings: Finding[] = [];
  // Text after the `>` of a tag (not of an arrow `=>`) and before the next `<` or `{`, across lines;
  // or after an expression (`{' '}alleged`) and before the next tag.
  for (const match of code.matchAll(/(?<![=-])>([^<>{}]*)[<{]|\}([^<>{}]*)<(?=[/A-Za-z])/g)) {
    const text = (match[1] ?? match[2] ?? '').trim();
    if (!text || NOT_WORDS.test(text) || looksLikeCode(text)) continue;
    findings.push({ line: lineOf(code, (match.index ?? 0) + 1), text });
  }
  for (const match of code.matchAll(/\b(aria-label|title|placeholder)="([^"]*)"/g)) {
    const text = match[2] ?? '';
    if (!NOT_WORDS.test(text)) findings.push({ line: lineOf(code, match.index ?? 0), text: `${match[1]}="${text}"` });
  }
  for (const match of code.matchAll(/'([A-Z][a-z]+(?:[ ,:][^'\n]*)?)'/g)) {
    const lineStart = code.lastIndexOf('\n', match.index ?? 0) + 1;
    const line = code.slice(lineStart, code.indexOf('\n', match.index ?? 0));
    if (/\.key\b|^\s*import\b/.test(line)) continue;
    findings.push({ line: lineOf(code, match.index ?? 0), text: `'${match[1] ?? ''}'` });
  }
  return findings;
}
