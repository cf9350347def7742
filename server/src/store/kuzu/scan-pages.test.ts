import kuzu from 'kuzu';
import type { Database } from 'kuzu';
import { afterEach, describe, expect, it } from 'vitest';
import { scanRelationshipPage } from './entity-reads.ts';
import { KuzuConnection } from './KuzuConnection.ts';
import { scanInPages } from './scan-pages.ts';

const databases: Database[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.close();
});

/** Seven persons in a ring of ASSOCIATE_OF ties, and one tie of another type that no scan here asks for. */
async function ring(): Promise<KuzuConnection> {
  const database = new kuzu.Database(':memory:');
  databases.push(database);
  const connection = new KuzuConnection(database, { connections: 1 });
  await connection.query('CREATE NODE TABLE Person(id STRING, name STRING, PRIMARY KEY(id))');
  await connection.query('CREATE REL TABLE ASSOCIATE_OF(FROM Person TO Person, id STRING)');
  await connection.query('CREATE REL TABLE FAMILY_OF(FROM Person TO Person, id STRING)');
  await connection.query("UNWIND range(0, 6) AS i CREATE (:Person {id: 'p' + string(i), name: 'x'})");
  await connection.query(
    "UNWIND range(0, 6) AS i MATCH (a:Person {id: 'p' + string(i)}), (b:Person {id: 'p' + string((i + 1) % 7)}) CREATE (a)-[:ASSOCIATE_OF {id: 't' + string(i)}]->(b)",
  );
  await connection.query("MATCH (a:Person {id: 'p0'}), (b:Person {id: 'p3'}) CREATE (a)-[:FAMILY_OF {id: 'f0'}]->(b)");
  return connection;
}

const scope = { hiddenRelTypes: [] };
const twoSourcesAPage = (connection: KuzuConnection, limit: number) =>
  scanInPages(limit, (from, pageLimit) =>
    scanRelationshipPage(connection, { types: ['ASSOCIATE_OF'], limit: pageLimit }, scope, from, 2),
  );

describe('a relationship scan in pages of source nodes', () => {
  it('reads every relationship of the type once, over several pages', async () => {
    const connection = await ring();
    const pages: Array<number | undefined> = [];
    const scan = await scanInPages(100, async (from, limit) => {
      const page = await scanRelationshipPage(connection, { types: ['ASSOCIATE_OF'], limit }, scope, from, 2);
      pages.push(page.nextOffset);
      return page;
    });
    expect(scan.truncated).toBe(false);
    expect(scan.relationships.map((rel) => rel.id).sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    expect(scan.relationships.every((rel) => rel.type === 'ASSOCIATE_OF')).toBe(true);
    // Offsets 0-1, 2-3, 4-5, 6: four pages, the last saying there is no next one.
    expect(pages).toEqual([2, 4, 6, undefined]);
  });

  it('says it was cut when the type has more than the limit, and stops reading there', async () => {
    const connection = await ring();
    const cut = await twoSourcesAPage(connection, 3);
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.relationships).toHaveLength(3);
    const exact = await twoSourcesAPage(connection, 7);
    expect(exact.truncated).toBe(false);
    expect(exact.relationships).toHaveLength(7);
  });

  it('reads nothing of a type the scope hides', async () => {
    const connection = await ring();
    const page = await scanRelationshipPage(
      connection,
      { types: ['ASSOCIATE_OF'], limit: 10 },
      { hiddenRelTypes: ['ASSOCIATE_OF'] },
      0,
    );
    expect(page).toEqual({ relationships: [], nextOffset: undefined });
  });
});
