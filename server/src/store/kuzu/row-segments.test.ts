import { describe, expect, it } from 'vitest';
import { rowSegments } from './row-segments.ts';

const statementsOf = (cypher: string): readonly string[] | string => {
  const segments = rowSegments(cypher);
  return segments.kind === 'segments' ? segments.statements : segments.kind;
};

describe('rowSegments', () => {
  it('keeps a statement whole when one Kùzu list holds every row', () => {
    expect(
      statementsOf("UNWIND [{id:'a', n: 1}, {id:'b'}, {id:'c', n: null}] AS row CREATE (:Event {id: row.id})"),
    ).toBe('whole');
    // Integers among floats that are only stored: a number property is a double on the embedded store anyway.
    expect(
      statementsOf(
        "UNWIND [{id:'a', kg: 1}, {id:'b', kg: 2.5}] AS row CREATE (:Shipment {id: row.id, declaredKg: row.kg})",
      ),
    ).toBe('whole');
  });

  it('splits consecutive rows of one shape, in order', () => {
    expect(
      statementsOf("UNWIND [{x: 1}, {x: 2}, {x: 'a'}, {x: 3}] AS row CREATE (:Event {id: 'e', name: 'n'})"),
    ).toEqual([
      "UNWIND [{x: 1}, {x: 2}] AS row CREATE (:Event {id: 'e', name: 'n'})",
      "UNWIND [{x: 'a'}] AS row CREATE (:Event {id: 'e', name: 'n'})",
      "UNWIND [{x: 3}] AS row CREATE (:Event {id: 'e', name: 'n'})",
    ]);
    expect(statementsOf('WITH [{x: 1}, {x: [1]}] AS rows UNWIND rows AS row CREATE (:Event {id: "e"})')).toEqual([
      'WITH [{x: 1}] AS rows UNWIND rows AS row CREATE (:Event {id: "e"})',
      'WITH [{x: [1]}] AS rows UNWIND rows AS row CREATE (:Event {id: "e"})',
    ]);
  });

  it('splits integers from floats where the statement computes with them', () => {
    expect(statementsOf('UNWIND [10, 2.5, 3.5] AS x CREATE (:Event {name: toString(x)})')).toEqual([
      'UNWIND [10] AS x CREATE (:Event {name: toString(x)})',
      'UNWIND [2.5, 3.5] AS x CREATE (:Event {name: toString(x)})',
    ]);
    expect(statementsOf('UNWIND [{kg: 10}, {kg: 2.5}] AS row CREATE (:Event {amount: row.kg / 4})')).toHaveLength(2);
  });

  it('refuses rows of different kinds in a statement that combines rows, at the row that differs', () => {
    const cypher = "UNWIND [{x: 1}, {x: 'a'}] AS row WITH count(row) AS c RETURN c";
    expect(rowSegments(cypher)).toMatchObject({ kind: 'refused', offset: cypher.indexOf("{x: 'a'}") });
    expect(rowSegments('UNWIND [1, 2.5] AS x WITH sum(x) AS s RETURN s')).toMatchObject({ kind: 'whole' });
  });
});
