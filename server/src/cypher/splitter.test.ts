import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitScript, StatementSplitter } from './splitter.ts';

const texts = (script: string): string[] => splitScript(script).statements.map((s) => s.text);

describe('StatementSplitter', () => {
  it('splits at top-level semicolons and keeps a last statement without one', () => {
    expect(texts('CREATE (a:Person {id: "1"});\nCREATE (b:Person {id: "2"})')).toEqual([
      'CREATE (a:Person {id: "1"})',
      'CREATE (b:Person {id: "2"})',
    ]);
  });

  it('ignores semicolons inside both quote kinds, escapes, backticks and comments', () => {
    const script = [
      "CREATE (a:Person {name: 'a;b\\';c'});",
      'CREATE (b:Person {name: "x;\\";y"});',
      'MATCH (`odd;name`:Person) RETURN 1;',
      '// a line comment; with a semicolon',
      '/* a block; comment */ RETURN 2;',
    ].join('\n');
    expect(texts(script)).toEqual([
      "CREATE (a:Person {name: 'a;b\\';c'})",
      'CREATE (b:Person {name: "x;\\";y"})',
      'MATCH (`odd;name`:Person) RETURN 1',
      'RETURN 2',
    ]);
  });

  it('gives the line and column of each statement start, after leading comments', () => {
    const script = '// header\n\n  CREATE (a:Person {id: "1"}); /* c */ CREATE (b:Person {id: "2"});\n\nRETURN 1';
    expect(splitScript(script).statements.map((s) => [s.index, s.line, s.column])).toEqual([
      [1, 3, 3],
      [2, 3, 40],
      [3, 5, 1],
    ]);
  });

  it('keeps comments inside a statement and drops empty statements', () => {
    expect(texts('RETURN 1 // trailing\n, 2;;;')).toEqual(['RETURN 1 // trailing\n, 2']);
  });

  it('treats cypher-shell commands as one-line statements without semicolons', () => {
    const { statements } = splitScript(':begin\nCREATE (a:Person {id: "1"});\n:commit\n');
    expect(statements.map((s) => [s.text, s.shellCommand])).toEqual([
      [':begin', true],
      ['CREATE (a:Person {id: "1"})', false],
      [':commit', true],
    ]);
  });

  it("treats APOC's neo4j-shell BEGIN, COMMIT and SCHEMA AWAIT lines as shell commands", () => {
    const script = 'BEGIN\nCREATE (a:Person {id: "1"});\nCOMMIT\nSCHEMA AWAIT\nBEGIN\nMATCH (n) RETURN n;\nCOMMIT\n';
    const { statements } = splitScript(script);
    expect(statements.map((s) => [s.text, s.shellCommand, s.index, s.line])).toEqual([
      ['BEGIN', true, 1, 1],
      ['CREATE (a:Person {id: "1"})', false, 1, 2],
      ['COMMIT', true, 2, 3],
      ['SCHEMA AWAIT', true, 2, 4],
      ['BEGIN', true, 2, 5],
      ['MATCH (n) RETURN n', false, 2, 6],
      ['COMMIT', true, 3, 7],
    ]);
  });

  it('keeps a statement whose first line only starts like a neo4j-shell command', () => {
    expect(texts('BEGIN_X\nRETURN 1;\nCOMMIT RETURN 2;')).toEqual(['BEGIN_X\nRETURN 1', 'COMMIT RETURN 2']);
  });

  it('reports an unterminated string', () => {
    expect(splitScript("CREATE (a:Person {name: 'oops})").unterminated).toBe('single');
  });

  it('gives the same statements whatever the chunk boundaries (property)', () => {
    const script =
      "BEGIN\n// c;\nCREATE (a:Person {name: 'x;\\'y'}); /* ; */ MATCH (`a;b`) RETURN \"q;\" ;\nCOMMIT\nSCHEMA AWAIT\nRETURN 1";
    const whole = splitScript(script).statements;
    expect(whole.filter((s) => s.shellCommand).map((s) => s.text)).toEqual(['BEGIN', 'COMMIT', 'SCHEMA AWAIT']);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: script.length }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const splitter = new StatementSplitter();
        const out = [];
        let at = 0;
        for (const p of [...points, script.length]) {
          out.push(...splitter.push(script.slice(at, p)));
          at = p;
        }
        out.push(...splitter.end());
        expect(out).toEqual(whole);
      }),
    );
  });
});
