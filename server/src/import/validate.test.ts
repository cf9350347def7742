import { describe, expect, it } from 'vitest';
import { validateScript } from './pipeline.ts';

const errorsOf = (script: string) =>
  validateScript(script)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => ({ ...f, severity: undefined }));

describe('validateScript', { timeout: 60_000 }, () => {
  it('accepts seed-style statements and normalises dates to ISO strings', () => {
    const { statements, findings } = validateScript(
      "CREATE (p:Person {id: 'p1', name: 'A', birthDate: date('1970-01-02')});\n" +
        "MATCH (a:Person {id: 'p1'}), (o:Organization {id: 'o1'}) CREATE (a)-[:MEMBER_OF {since: '2019'}]->(o);",
    );
    expect(findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({
        statement: 2,
        message: expect.stringContaining('MEMBER_OF.since expects an ISO date'),
      }),
    ]);
    expect(statements[0]?.cypher).toBe("CREATE (p:Person {id: 'p1', name: 'A', birthDate: '1970-01-02'})");
  });

  it('names an unknown label and lists the allowed ones', () => {
    expect(errorsOf("RETURN 1;\n  CREATE (g:Ghost {id: 'g'});")).toEqual([
      expect.objectContaining({
        statement: 2,
        line: 2,
        column: 13,
        message: expect.stringMatching(/^Unknown label Ghost\. Allowed labels: Person, /),
      }),
    ]);
  });

  it('checks every row of an UNWIND list and points at the bad value', () => {
    const script =
      "UNWIND [\n  {id: 'p1', name: 'A'},\n  {id: 'p2', name: 42}\n] AS row\nCREATE (p:Person {id: row.id, name: row.name});";
    expect(errorsOf(script)).toEqual([
      {
        statement: 1,
        line: 3,
        column: 20,
        message: 'Person.name expects a string, got the number 42 (row 2 of the UNWIND list).',
        severity: undefined,
      },
    ]);
  });

  it('refuses relationships between labels the model does not allow, naming the allowed pairs', () => {
    const [error] = errorsOf("MATCH (a:Person {id: 'a'}), (b:Person {id: 'b'}) CREATE (a)-[:MEMBER_OF]->(b);");
    expect(error?.message).toBe(
      'The model does not allow MEMBER_OF from Person to Person. MEMBER_OF goes Person -> Organization.',
    );
  });

  it('refuses a lone unlabelled match, which would reach user accounts and the audit trail', () => {
    expect(errorsOf('RETURN 1;\nMATCH (n) DETACH DELETE n;')).toEqual([
      expect.objectContaining({
        statement: 2,
        line: 2,
        column: 7,
        message: expect.stringMatching(/^A node matched on its own needs a label: write \(n:Label\)/),
      }),
    ]);
    // Reached through a relationship, an unlabelled node is a graph node: still accepted.
    expect(errorsOf("MATCH (p:Person {id: 'p'})-[:PAID]->(x) RETURN x.name;")).toEqual([]);
  });

  it('knows the label of a variable bound by an earlier MATCH', () => {
    const [error] = errorsOf("MATCH (a:Person {id: 'a'}) MATCH (s:Shipment {id: 's'}) CREATE (s)-[:PAID]->(a);");
    expect(error?.message).toMatch(/^The model does not allow PAID from Shipment to Person\./);
  });

  it('refuses a closed-vocabulary value outside the vocabulary', () => {
    const [error] = errorsOf("CREATE (o:Organization {id: 'o', kind: 'mafia'});");
    expect(error?.message).toBe(
      "Organization.kind expects one of 'criminal', 'company', 'other', got the string \"mafia\".",
    );
  });

  it.each([
    ["LOAD CSV FROM 'file:///etc/passwd' AS l CREATE (p:Person {id: l[0]})", /^LOAD is not allowed/],
    ["LOAD FROM '/etc/passwd' RETURN *", /^LOAD is not allowed/],
    ["COPY Person FROM '/etc/passwd'", /^COPY is not allowed/],
    ['INSTALL httpfs', /^INSTALL is not allowed/],
    ["ATTACH '/tmp/x' AS other (dbtype kuzu)", /^ATTACH is not allowed/],
    ["EXPORT DATABASE '/tmp/out'", /^EXPORT is not allowed/],
    ["IMPORT DATABASE '/tmp/in'", /^IMPORT is not allowed/],
    ['CALL db.labels()', /^CALL is not allowed/],
    ["UNWIND [1] AS x CALL { CREATE (p:Person {id: 'x'}) } IN TRANSACTIONS", /^CALL is not allowed/],
    ['USE other MATCH (n) RETURN n', /^USE is not allowed/],
    ['CREATE DATABASE other', /^CREATE DATABASE is a schema or administration command/],
    ['CREATE USER eve SET PASSWORD $p', /^CREATE USER is a schema or administration command/],
    ['CALL db.awaitIndexes(300) YIELD x RETURN x', /^CALL is not allowed/],
    ['DROP TABLE Person', /^DROP is not allowed/],
    ['SHOW DATABASES', /^SHOW is not allowed/],
    ["RETURN apoc.load.json('http://x')", /^The function apoc\.load\.json\(\) is not allowed/],
    ['UNWIND range(1, 200000000) AS x RETURN x', /^range\(\) may cover at most/],
  ])('refuses %s before anything runs', (statement, message) => {
    const errors = errorsOf(statement);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ statement: 1, line: 1, message: expect.stringMatching(message) });
  });

  it('does not take a keyword inside a string or a variable named like one for a clause', () => {
    expect(errorsOf("CREATE (stop:Location {id: 'l', name: 'LOAD CSV; CALL'}) RETURN stop.name;")).toEqual([]);
  });

  it('reports Neo4j syntax errors at the file position', () => {
    expect(errorsOf("RETURN 1;\nCREATE (p:Person {id: 'x'}\nRETURN p;")).toEqual([
      expect.objectContaining({
        statement: 2,
        line: 3,
        column: 1,
        message: expect.stringContaining("Invalid input 'RETURN'"),
      }),
    ]);
  });

  it.each([
    [':param x => 1', /^The cypher-shell command :param is not supported/],
    ["CREATE (p:Person {id: 'p', birthDate: date()})", /^date\(\) needs an ISO string argument/],
    ["MATCH (p:Person {id: 'p'}) SET p:Informant", /^An import cannot add labels/],
    ["CREATE (p:Person:Informant {id: 'p'})", /^A node has exactly one label/],
    ["CREATE (p {id: 'p'})", /^A created node needs a label/],
    ["CREATE (p:Person {name: 'no id'})", /^A created Person needs an id/],
    [
      "MATCH (a:Person {id: 'a'}), (b:Person {id: 'b'}) MERGE (a)-[:ASSOCIATE_OF]-(b)",
      /^A created relationship needs exactly one type and a direction/,
    ],
  ])('refuses %s', (statement, message) => {
    expect(errorsOf(statement)[0]?.message).toMatch(message);
  });

  it('accepts cypher-shell :begin and :commit without counting them as statements (nor in the numbers)', () => {
    const { statements, findings } = validateScript(":begin\nCREATE (p:Person {id: 'p', name: 'x'});\n:commit\n");
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(statements.map((s) => [s.index, s.line])).toEqual([[1, 2]]);
  });

  it.each([
    'CREATE CONSTRAINT person_id_unique FOR (node:Person) REQUIRE (node.id) IS UNIQUE',
    'CREATE CONSTRAINT UNIQUE_IMPORT_NAME FOR (node:`UNIQUE IMPORT LABEL`) REQUIRE (node.`UNIQUE IMPORT ID`) IS UNIQUE',
    'CREATE FULLTEXT INDEX maillon_search FOR (n:Person|Organization) ON EACH [n.`name`,n.`aliases`]',
    'CREATE RANGE INDEX FOR (n:MaillonPersonRead) ON (n.user)',
    'CREATE INDEX i FOR (n:Person) ON (n.name)',
    'CALL db.awaitIndexes(300)',
    'DROP CONSTRAINT UNIQUE_IMPORT_NAME',
  ])("skips APOC's schema statement %s with a warning, and runs nothing of it", (statement) => {
    const { statements, findings } = validateScript(`${statement};\nCREATE (p:Person {id: 'p', name: 'x'});`);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        statement: 1,
        line: 1,
        column: 1,
        message: expect.stringMatching(/^Skipped: .*schema/),
      }),
    ]);
    expect(statements.map((s) => [s.index, s.line])).toEqual([[2, 2]]);
  });

  it("accepts APOC's neo4j-shell BEGIN, COMMIT and SCHEMA AWAIT lines without counting them", () => {
    const { statements, findings } = validateScript(
      "BEGIN\nCREATE CONSTRAINT c FOR (node:Person) REQUIRE (node.id) IS UNIQUE;\nCOMMIT\nSCHEMA AWAIT\nBEGIN\nCREATE (p:Person {id: 'p', name: 'x'});\nCOMMIT\n",
    );
    expect(findings.map((f) => [f.severity, f.statement, f.line])).toEqual([['warning', 1, 2]]);
    expect(statements.map((s) => [s.index, s.line])).toEqual([[2, 6]]);
  });

  it("refuses APOC's UNIQUE IMPORT LABEL export once per statement, saying what to export instead", () => {
    // What apoc.export.cypher.all writes for a database without uniqueness constraints (APOC 5).
    const script = [
      ':begin',
      'CREATE CONSTRAINT UNIQUE_IMPORT_NAME FOR (node:`UNIQUE IMPORT LABEL`) REQUIRE (node.`UNIQUE IMPORT ID`) IS UNIQUE;',
      ':commit',
      'CALL db.awaitIndexes(300);',
      ':begin',
      'UNWIND [{_id:0, properties:{id:"p1", name:"A"}}, {_id:1, properties:{id:"p2", name:"B"}}] AS row',
      'CREATE (n:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row._id}) SET n += row.properties SET n:Person;',
      ':commit',
      ':begin',
      'UNWIND [{start: {_id:0}, end: {_id:1}, properties:{id:"r1"}}] AS row',
      'MATCH (start:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.start._id})',
      'MATCH (end:`UNIQUE IMPORT LABEL`{`UNIQUE IMPORT ID`: row.end._id})',
      'CREATE (start)-[r:ASSOCIATE_OF]->(end) SET r += row.properties;',
      ':commit',
      "CREATE (:`UNIQUE IMPORT LABEL`:Person {name:'C', id:'p3', `UNIQUE IMPORT ID`:2});",
      ':begin',
      'MATCH (n:`UNIQUE IMPORT LABEL`)  WITH n LIMIT 20000 REMOVE n:`UNIQUE IMPORT LABEL`, n.`UNIQUE IMPORT ID`;',
      ':commit',
      ':begin',
      'DROP CONSTRAINT UNIQUE_IMPORT_NAME;',
      ':commit',
    ].join('\n');
    const { statements, findings } = validateScript(script);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((e) => [e.statement, e.line, e.column])).toEqual([
      [3, 7, 11],
      [4, 11, 14],
      [5, 15, 10],
      [6, 17, 10],
    ]);
    for (const e of errors) {
      expect(e.message).toContain('UNIQUE IMPORT LABEL');
      expect(e.message).toContain('create a uniqueness constraint on id for each label');
    }
    expect(statements).toEqual([]);
  });
});
