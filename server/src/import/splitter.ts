/**
 * Splits a cypher-shell style script into statements at top-level semicolons.
 * Incremental: feed it chunks of any size (a file read in pieces) and it hands
 * back each statement as soon as its terminating semicolon arrives, so memory
 * stays bounded by the largest statement, not the file.
 */

export interface SplitStatement {
  /** 1-based position among the statements of the file. */
  readonly index: number;
  readonly text: string;
  /** 1-based line and column of the statement's first character in the file. */
  readonly line: number;
  readonly column: number;
  /** A cypher-shell command line such as `:begin`, rather than Cypher. */
  readonly shellCommand: boolean;
}

type Mode = 'code' | 'single' | 'double' | 'backtick' | 'line-comment' | 'block-comment';

const NEWLINE = 10;
const SPACE_CODES = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0xfeff]);

export class StatementSplitter {
  private mode: Mode = 'code';
  private escaped = false;
  private buffer = '';
  /** Whether the current statement has any code yet (comments and blanks do not count). */
  private started = false;
  private startLine = 1;
  private startColumn = 1;
  private line = 1;
  private column = 1;
  private count = 0;
  /** Previous character, to recognise the two-character comment openers and closers. */
  private prev = '';

  push(chunk: string): SplitStatement[] {
    const out: SplitStatement[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      this.step(ch, out);
      if (ch.charCodeAt(0) === NEWLINE) {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
    }
    return out;
  }

  /** Flushes the last statement, which needs no semicolon. */
  end(): SplitStatement[] {
    const out: SplitStatement[] = [];
    if (this.started) this.emit(out);
    return out;
  }

  /** Whether the input ended inside a string, a backticked name or a block comment. */
  get unterminated(): Mode | undefined {
    return this.mode === 'code' || this.mode === 'line-comment' ? undefined : this.mode;
  }

  private step(ch: string, out: SplitStatement[]): void {
    const prev = this.prev;
    this.prev = ch;
    switch (this.mode) {
      case 'single':
      case 'double':
      case 'backtick': {
        this.buffer += ch;
        if (this.escaped) this.escaped = false;
        else if (ch === '\\' && this.mode !== 'backtick') this.escaped = true;
        else if (ch === QUOTE[this.mode]) this.mode = 'code';
        return;
      }
      case 'line-comment':
        if (this.started) this.buffer += ch;
        if (ch === '\n') {
          this.mode = 'code';
          if (this.shellLine()) this.emit(out);
        }
        return;
      case 'block-comment':
        if (this.started) this.buffer += ch;
        if (prev === '*' && ch === '/') {
          this.mode = 'code';
          this.prev = '';
        }
        return;
      case 'code':
        this.code(ch, prev, out);
        return;
    }
  }

  private code(ch: string, prev: string, out: SplitStatement[]): void {
    if (ch === '/' && prev === '/') {
      this.mode = 'line-comment';
      this.dropPendingSlash();
      if (this.started) this.buffer += '//';
      this.prev = '';
      return;
    }
    if (ch === '*' && prev === '/') {
      this.mode = 'block-comment';
      this.dropPendingSlash();
      if (this.started) this.buffer += '/*';
      this.prev = '';
      return;
    }
    if (ch === ';' && !this.shellLine()) {
      if (this.started) this.emit(out);
      return;
    }
    if (ch === '\n' && this.shellLine()) {
      this.emit(out);
      return;
    }
    if (!this.started) {
      if (SPACE_CODES.has(ch.charCodeAt(0))) return;
      this.started = true;
      this.startLine = this.line;
      this.startColumn = this.column;
    }
    this.buffer += ch;
    if (ch === "'") this.mode = 'single';
    else if (ch === '"') this.mode = 'double';
    else if (ch === '`') this.mode = 'backtick';
  }

  /**
   * A slash is buffered as code until the next character shows whether it opens a
   * comment; if it did, take it back out (and undo the statement start it caused).
   */
  private dropPendingSlash(): void {
    if (!this.buffer.endsWith('/')) return;
    this.buffer = this.buffer.slice(0, -1);
    if (this.buffer.length === 0) this.started = false;
  }

  /** cypher-shell commands (`:begin`, `:commit`, `:param ...`) take one line and no semicolon. */
  private shellLine(): boolean {
    return this.started && this.buffer.startsWith(':');
  }

  private emit(out: SplitStatement[]): void {
    const text = this.buffer.trimEnd();
    this.buffer = '';
    this.started = false;
    if (text.length === 0) return;
    this.count++;
    out.push({
      index: this.count,
      text,
      line: this.startLine,
      column: this.startColumn,
      shellCommand: text.startsWith(':'),
    });
  }
}

const QUOTE: Readonly<Record<'single' | 'double' | 'backtick', string>> = { single: "'", double: '"', backtick: '`' };

/** Splits a whole script held in memory. */
export function splitScript(script: string): { statements: SplitStatement[]; unterminated: string | undefined } {
  const splitter = new StatementSplitter();
  const statements = [...splitter.push(script), ...splitter.end()];
  return { statements, unterminated: splitter.unterminated };
}
