import { describe, expect, it } from 'vitest';
import { translateStatement, translateToKuzu } from './translate.ts';

describe('translateToKuzu', () => {
  it('makes the maps of a literal list uniform: same keys, typed nulls, floats where any row has one', () => {
    expect(translateToKuzu("UNWIND [{id: 'a', amount: 50}, {id: 'b', amount: 75.5, tags: []}] AS row RETURN row")).toBe(
      "UNWIND [{`id`: 'a', `amount`: 50.0, `tags`: CAST(NULL AS STRING[])}, {`id`: 'b', `amount`: 75.5, `tags`: CAST([] AS STRING[])}] AS _v1 RETURN _v1",
    );
    expect(
      translateToKuzu("UNWIND [{id: 'a', n: 1}, {id: 'b', n: null, l: ['x']}, {id: 'c', l: []}] AS r RETURN r"),
    ).toBe(
      "UNWIND [{`id`: 'a', `n`: 1, `l`: CAST(NULL AS STRING[])}, {`id`: 'b', `n`: CAST(NULL AS INT64), `l`: ['x']}, {`id`: 'c', `n`: CAST(NULL AS INT64), `l`: CAST([] AS STRING[])}] AS _v1 RETURN _v1",
    );
  });

  it('re-escapes strings for Kùzu, which knows neither \\n nor \\u escapes', () => {
    expect(translateToKuzu("RETURN 'a\\nb', \"it's \\u00e9\"")).toBe("RETURN 'a\nb', 'it\\'s é'");
  });

  it('renames functions that differ', () => {
    expect(translateToKuzu('MATCH (n)-[r]->() RETURN labels(n), type(r), toFloat(1), toString(n.x)')).toBe(
      'MATCH (_v1)-[_v2]->() RETURN [label(_v1)], label(_v2), to_double(1), to_string(_v1.`x`)',
    );
  });

  it('turns SET n += map into one assignment per key, keeping absent keys', () => {
    expect(translateToKuzu("MATCH (p:Person {id: 'a'}) SET p += {name: 'x', notes: 'y'}")).toBe(
      "MATCH (_v1:`Person` {`id`: 'a'}) SET _v1.`name` = 'x', _v1.`notes` = 'y'",
    );
    expect(
      translateToKuzu("UNWIND [{id: 'a', name: 'x'}] AS row MERGE (p:Person {id: row.id}) ON CREATE SET p += row"),
    ).toBe(
      "UNWIND [{`id`: 'a', `name`: 'x'}] AS _v1 MERGE (_v2:`Person` {`id`: _v1.`id`}) ON CREATE SET _v2.`name` = _v1.`name`",
    );
  });

  it('moves the id of SET n = row into the CREATE pattern and clears the other model properties', () => {
    const out = translateToKuzu("UNWIND [{id: 'l1', name: 'Port'}] AS row CREATE (l:Location) SET l = row");
    expect(out).toMatch(
      /^UNWIND \[\{`id`: 'l1', `name`: 'Port'\}\] AS _v1 CREATE \(_v2:`Location` \{`id`: _v1\.`id`\}\) SET _v2\.`name` = _v1\.`name`, _v2\.`sources` = NULL, /,
    );
    expect(out).toContain('_v2.`lon` = NULL');
  });

  it('turns REMOVE n.key into SET n.key = NULL', () => {
    expect(translateToKuzu("MATCH (p:Person {id: 'a'}) REMOVE p.notes, p.occupation")).toBe(
      "MATCH (_v1:`Person` {`id`: 'a'}) SET _v1.`notes` = NULL, _v1.`occupation` = NULL",
    );
  });

  it('writes hexadecimal and underscored numbers in decimal', () => {
    expect(translateToKuzu('RETURN 0x1F, 1_000, 2.5')).toBe('RETURN 31, 1000, 2.5');
  });
});

describe('translateStatement with parameters', () => {
  const translate = (cypher: string) => translateStatement(cypher, { parameters: true });

  it('sends the rows of an UNWIND as one parameter, every map with the same keys in one order', () => {
    expect(
      translate("UNWIND [{id: 'a', n: 1, tags: ['x']}, {n: 2, id: 'b'}] AS row CREATE (:Person {id: row.id})"),
    ).toEqual({
      cypher: 'UNWIND $maillonRows1 AS _v1 CREATE (:`Person` {`id`: _v1.`id`})',
      params: {
        maillonRows1: [
          { id: 'a', n: 1, tags: ['x'] },
          { id: 'b', n: 2, tags: null },
        ],
      },
    });
  });

  it('keeps the literal where the binding would change a value', () => {
    const literalStays = [
      // 50 would travel as an integer in a list typed DOUBLE by 75.5
      "UNWIND [{id: 'a', amount: 50}, {id: 'b', amount: 75.5}] AS row RETURN row",
      // 50.0 is the JavaScript number 50
      "UNWIND [{id: 'a', kg: 50.0}] AS row RETURN row",
      // an empty list would arrive as null
      "UNWIND [{id: 'a', aliases: []}] AS row RETURN row",
      // a null in the first row would type the key
      "UNWIND [{id: 'a', n: null}, {id: 'b', n: 1}] AS row RETURN row",
    ];
    for (const cypher of literalStays) {
      expect(translate(cypher)).toEqual({ cypher: translateToKuzu(cypher), params: {} });
    }
  });

  it('leaves lists outside UNWIND as literals', () => {
    expect(translate("CREATE (:Person {id: 'a', aliases: ['x']})").params).toEqual({});
  });

  it('writes floats in a form Kùzu parses back exactly', () => {
    expect(translateToKuzu("CREATE (:Event {id: 'f', amount: 1e21, count: 2.5e-7, year: 50.0})")).toBe(
      "CREATE (:`Event` {`id`: 'f', `amount`: 1e21, `count`: 2.5e-7, `year`: 50.0})",
    );
  });

  it('appends to a list property with list_append, not +', () => {
    expect(translateToKuzu("MATCH (p:Person {id: 'p'}) SET p.aliases = p.aliases + 'x', p.notes = p.name + 'x'")).toBe(
      "MATCH (_v1:`Person` {`id`: 'p'}) SET _v1.`aliases` = list_append(_v1.`aliases`, 'x'), _v1.`notes` = _v1.`name` + 'x'",
    );
  });
});
