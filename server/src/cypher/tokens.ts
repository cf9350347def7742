/**
 * A small Cypher lexer. The import checks (sandbox, model, dialect) work on tokens
 * rather than on raw text so that a keyword inside a string, a comment or a
 * backticked name can never be mistaken for syntax, and so that every finding
 * has an exact offset to report.
 */

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** Source text as written (quotes and backticks included). */
  readonly text: string;
  /** Decoded value: identifier name, string contents, parameter name. */
  readonly value: string;
  /** Offset of the first character in the statement text. */
  readonly start: number;
  readonly end: number;
}

export class LexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const TWO_CHAR_PUNCT = new Set(['->', '<-', '<>', '<=', '>=', '=~', '+=', '..', '::', '||']);
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

// ASCII fast paths first: files of hundreds of MB go through here character by character.
const isAsciiLetter = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
const isWordStart = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return isAsciiLetter(code) || (code > 127 && /\p{L}/u.test(c));
};
const isWordPart = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 36 || (code > 127 && /[\p{L}\p{N}]/u.test(c));
};
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(c));
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, value: string): void => {
    tokens.push({ kind, text: text.slice(start, i), value, start, end: i });
  };
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (isSpace(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) throw new LexError('This block comment is never closed: add */.', i);
      i = close + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      i++;
      let value = '';
      for (;;) {
        // Copy the run up to the next quote or backslash in one slice.
        let run = i;
        while (run < text.length && text[run] !== c && text[run] !== '\\') run++;
        value += text.slice(i, run);
        i = run;
        const ch = text[i];
        if (ch === undefined) throw new LexError(`This string is never closed: add the closing ${c}.`, start);
        if (ch === '\\') {
          const esc = text[i + 1] ?? '';
          if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          // Neo4j 5 keeps an escape it does not know as written, backslash included: '\\U0001F600'
          // is the ten characters \U0001F600, not an emoji (measured on 5.26).
          value += ESCAPES[esc] ?? `\\${esc}`;
          i += 2;
          continue;
        }
        i++;
        if (ch === c) break;
        value += ch;
      }
      push('string', start, value);
    } else if (c === '`') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        const ch = text[i];
        if (ch === undefined) throw new LexError('This backticked name is never closed: add the closing `.', start);
        i++;
        if (ch === '`') {
          if (text[i] === '`') {
            value += '`';
            i++;
            continue;
          }
          break;
        }
        value += ch;
      }
      push('quoted', start, value);
    } else if (isDigit(c) || (c === '.' && isDigit(next) && !endsWithValue(tokens))) {
      const start = i;
      const m = /^(0x[0-9a-fA-F_]+|0o[0-7_]+|(\d[\d_]*)?(\.\d[\d_]*)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
      let len = m?.[0].length ?? 1;
      // "1..3" is a range in a variable-length pattern, not the number "1." followed by ".3".
      if (text.slice(i, i + len).includes('.') && text[i + len - 1] === '.') len--;
      i += Math.max(len, 1);
      push('number', start, text.slice(start, i));
    } else if (c === '$') {
      const start = i;
      i++;
      if (text[i] === '`') {
        const close = text.indexOf('`', i + 1);
        if (close < 0) throw new LexError('This parameter name is never closed: add the closing `.', start);
        i = close + 1;
        push('param', start, text.slice(start + 2, i - 1));
      } else {
        while (i < text.length && isWordPart(text[i] as string)) i++;
        push('param', start, text.slice(start + 1, i));
      }
    } else if (isWordStart(c)) {
      const start = i;
      while (i < text.length && isWordPart(text[i] as string)) i++;
      push('word', start, text.slice(start, i));
    } else {
      const start = i;
      i += TWO_CHAR_PUNCT.has(c + (next ?? '')) ? 2 : 1;
      push('punct', start, text.slice(start, i));
    }
  }
  return tokens;
}

/** Whether the previous token ends a value, so that a following "." is property access. */
function endsWithValue(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return false;
  return last.kind !== 'punct' || last.text === ')' || last.text === ']' || last.text === '}';
}

/** Case-insensitive keyword test on a bare word. */
export const isKeyword = (token: Token | undefined, keyword: string): boolean =>
  token !== undefined && token.kind === 'word' && token.value.toUpperCase() === keyword;

export const isPunct = (token: Token | undefined, punct: string): boolean =>
  token !== undefined && token.kind === 'punct' && token.text === punct;

/** Identifier value of a bare or backticked name. */
export const nameOf = (token: Token | undefined): string | undefined =>
  token !== undefined && (token.kind === 'word' || token.kind === 'quoted') ? token.value : undefined;

/** Index of the token that closes the bracket opened at `open`, or -1. */
export function findClose(tokens: readonly Token[], open: number): number {
  const pairs: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'punct') continue;
    const closer = pairs[t.text];
    if (closer !== undefined) stack.push(closer);
    else if (t.text === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
