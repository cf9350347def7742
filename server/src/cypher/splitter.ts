/**
 * Splits a cypher-shell style script into statements at top-level semicolons.
 * Incremental: feed it chunks of any size (a file read in pieces) and it hands
 * back each statement as soon as its terminating semicolon arrives, so memory
 * stays bounded by the largest statement, not the file.
 */

export interface SplitStatement {
  /** 1-based position among the statements of the file (shell commands not counted). */
  readonly index: number;
  readonly text: string;
  /** 1-based line and column of the statement's first character in the file. */
  readonly line: number;
  readonly column: number;
  /**
   * A shell command line rather than Cypher: cypher-shell's `:begin`, `:commit`, `:param ...`, or
   * neo4j-shell's `BEGIN`, `COMMIT`, `SCHEMA AWAIT` (APOC's neo4j-shell format), which stand alone
   * on their line with no semicolon.
   */
  readonly shellCommand: boolean;
}

type Mode = 'code' | 'single' | 'double' | 'backtick' | 'line-comment' | 'block-comment';

const NEWLINE = 10;
/** neo4j-shell commands as APOC writes them: the whole line, no semicolon. None is valid Cypher. */
const NEO4J_SHELL_LINE = /^(?:BEGIN|COMMIT|SCHEMA\s+AWAIT)$/i;
/** Longer than any neo4j-shell command line: past this, the first line cannot be one. */
const NEO4J_SHELL_LINE_MAX = 24;
const SPACE_CODES = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0xfeff]);

export class StatementSplitter {
  private mode: Mode = 'code';
  private escaped = false;
  private buffer = '';
  /** Whether the current statement has any code yet (comments and blanks do not count). */
  private started = false;
  /** The current statement is a cypher-shell command line (starts with ':'). */
  private shell = false;
  private startLine = 1;
  private startColumn = 1;
  private line = 1;
  private column = 1;
  private count = 0;
  /** Previous character, to recognise the two-character comment openers and closers. */
  private prev = '';
  /** The chunk being split, the index of the current character, and where the statement's text in it begins. */
  private chunk = '';
  private at = 0;
  private runStart = 0;

  push(chunk: string): SplitStatement[] {
    const out: SplitStatement[] = [];
    this.chunk = chunk;
    this.runStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      this.at = i;
      this.step(ch, out);
      if (ch.charCodeAt(0) === NEWLINE) {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
    }
    // The statement goes on in the next chunk: keep what this one holds of it.
    if (this.started) this.buffer += chunk.slice(this.runStart);
    this.chunk = '';
    return out;
  }

  /** Flushes the last statement, which needs no semicolon. */
  end(): SplitStatement[] {
    const out: SplitStatement[] = [];
    this.chunk = '';
    this.runStart = 0;
    this.at = 0;
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
        if (this.escaped) this.escaped = false;
        else if (ch === '\\' && this.mode !== 'backtick') this.escaped = true;
        else if (ch === QUOTE[this.mode]) this.mode = 'code';
        return;
      }
      case 'line-comment':
        if (ch === '\n') {
          this.mode = 'code';
          if (this.shellLine()) this.emit(out);
        }
        return;
      case 'block-comment':
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
      this.prev = '';
      return;
    }
    if (ch === '*' && prev === '/') {
      this.mode = 'block-comment';
      this.dropPendingSlash();
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
    if (ch === '\n' && this.neo4jShellLine()) {
      this.emit(out, true);
      return;
    }
    if (!this.started) {
      if (SPACE_CODES.has(ch.charCodeAt(0))) return;
      this.started = true;
      this.shell = ch === ':';
      this.startLine = this.line;
      this.startColumn = this.column;
      this.buffer = '';
      this.runStart = this.at;
    }
    if (ch === "'") this.mode = 'single';
    else if (ch === '"') this.mode = 'double';
    else if (ch === '`') this.mode = 'backtick';
  }

  /**
   * A slash starts a statement until the next character shows that it opens a
   * comment; if it did and nothing came before it, undo that start.
   */
  private dropPendingSlash(): void {
    if (!this.started) return;
    // The statement so far is that one slash (possibly carried over from the previous chunk).
    if (this.buffer.length + (this.at - this.runStart) === 1) this.started = false;
  }

  /** cypher-shell commands (`:begin`, `:commit`, `:param ...`) take one line and no semicolon. */
  private shellLine(): boolean {
    return this.started && this.shell;
  }

  /** The statement so far is its first line and that line is a whole neo4j-shell command. */
  private neo4jShellLine(): boolean {
    if (!this.started || this.line !== this.startLine) return false;
    const length = this.buffer.length + (this.at - this.runStart);
    if (length > NEO4J_SHELL_LINE_MAX) return false;
    return NEO4J_SHELL_LINE.test((this.buffer + this.chunk.slice(this.runStart, this.at)).trim());
  }

  /** Emits the statement that ends just before the current character. */
  private emit(out: SplitStatement[], neo4jShell = false): void {
    const text = (this.buffer + this.chunk.slice(this.runStart, this.at)).trimEnd();
    this.buffer = '';
    this.started = false;
    this.shell = false;
    if (text.length === 0) return;
    const shellCommand = neo4jShell || text.startsWith(':');
    // Shell commands are not statements: they carry the number of the statement they precede.
    if (!shellCommand) this.count++;
    out.push({
      index: shellCommand ? this.count + 1 : this.count,
      text,
      line: this.startLine,
      column: this.startColumn,
      shellCommand,
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
