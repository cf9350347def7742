/**
 * Issue 11's "not closed" examples: each is refused before anything runs, with the
 * statement and its position, instead of reaching the store.
 */
import { describe, expect, it } from 'vitest';
import { validateScript } from './pipeline.ts';

const errorsOf = (script: string) => validateScript(script).findings.filter((f) => f.severity === 'error');

describe('imports are closed to abuse', { timeout: 60_000 }, () => {
  it.each([
    ['UNWIND `range`(1, 5000000) AS x WITH count(x) AS c RETURN c', /range\(\) may cover at most/],
    ["MATCH (p:Person {id: 'a'}) SET p.notes = toString(`gen_random_uuid`())", /gen_random_uuid\(\) is not allowed/],
    [
      "MATCH (p:Person {id: 'a'}) SET p.notes = `regexp_replace`(p.name, 'a', 'b')",
      /regexp_replace\(\) is not allowed/,
    ],
  ])('refuses backticked function names outside the allow-list: %s', (statement, message) => {
    expect(errorsOf(statement)).toEqual([
      expect.objectContaining({ statement: 1, line: 1, message: expect.stringMatching(message) }),
    ]);
  });

  it('refuses writes through a variable whose label nothing names', () => {
    const errors = errorsOf(
      "MATCH (h:Person {id:'p-handler'})-[r]-(b) SET b.reliability = 'ZZZ', b.searchText = '|hijacked|'",
    );
    expect(errors).toEqual([
      expect.objectContaining({
        column: 47,
        message: expect.stringMatching(/^b has no label or type in this statement/),
      }),
    ]);
  });

  it('refuses DETACH DELETE of a node that only [*0..0] reaches', () => {
    expect(errorsOf('MATCH (n)-[*0..0]-(m) DETACH DELETE n')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^n has no label or type/) }),
    ]);
  });

  it('refuses variable-length patterns without a small upper bound', () => {
    for (const statement of [
      "MATCH p=(a:Person {id:'x'})-[*1..30]-(b) WITH count(p) AS c RETURN c",
      "MATCH (a:Person {id:'x'})-[*]-(b:Person) RETURN count(b)",
      "MATCH (a:Person {id:'x'})-[:ASSOCIATE_OF*2..]-(b:Person) RETURN count(b)",
    ]) {
      expect(errorsOf(statement)).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^A variable-length pattern in an import may span at most 5/),
        }),
      ]);
    }
    expect(errorsOf("MATCH (a:Person {id:'x'})-[:ASSOCIATE_OF*1..3]-(b:Person) RETURN count(b)")).toEqual([]);
  });
});
