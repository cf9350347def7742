import { describe, expect, it } from 'vitest';
import { relationshipCopy } from './rel-copy.ts';

const BATCH = 'UNWIND $maillonRows1 AS row MATCH (a:`Person` {id: row.a}), (b:`Organization` {id: row.b}) ';

describe('relationshipCopy', () => {
  it('turns the batched MATCH ... CREATE into a COPY that names every column, skipping missing ends', () => {
    const copy = relationshipCopy(`${BATCH}CREATE (a)-[:MEMBER_OF {role: row.role, id: row.id}]->(b)`);
    expect(copy).toMatch(/^COPY `MEMBER_OF` FROM \(UNWIND \$maillonRows1 AS row RETURN row.`a` AS c0, row.`b` AS c1, /);
    expect(copy).toContain('row.`id` AS c');
    expect(copy).toContain('row.`role` AS c');
    // Columns the statement does not set are null, as CREATE leaves them, not COPY's empty default.
    expect(copy).toMatch(/CAST\(NULL AS STRING\) AS c\d+/);
    expect(copy).toMatch(/\(from='Person', to='Organization', ignore_errors=true\)$/);
  });

  it('follows the arrow: an incoming relationship copies from its right end', () => {
    const copy = relationshipCopy(`${BATCH}CREATE (b)<-[:MEMBER_OF {role: row.role}]-(a)`);
    expect(copy).toContain("(from='Person', to='Organization'");
    expect(copy).toContain('string(gen_random_uuid())');
  });

  it('leaves every other shape alone', () => {
    const others = [
      `${BATCH}CREATE (a)-[:MEMBER_OF {role: row.role}]->(b) RETURN a`,
      `${BATCH}CREATE (a)-[:MEMBER_OF {role: 'boss'}]->(b)`,
      `${BATCH}CREATE (a)-[:MEMBER_OF {role: toLower(row.role)}]->(b)`,
      `${BATCH}MERGE (a)-[:MEMBER_OF {role: row.role}]->(b)`,
      `${BATCH}CREATE (b)-[:MEMBER_OF {role: row.role}]->(a)`,
      'UNWIND $maillonRows1 AS row MATCH (a:`Person` {id: row.a, name: row.n}), (b:`Organization` {id: row.b}) CREATE (a)-[:MEMBER_OF {role: row.role}]->(b)',
      "UNWIND [{a: 'x'}] AS row MATCH (a:`Person` {id: row.a}), (b:`Organization` {id: row.b}) CREATE (a)-[:MEMBER_OF {role: row.role}]->(b)",
    ];
    for (const cypher of others) expect(relationshipCopy(cypher)).toBeUndefined();
  });
});
