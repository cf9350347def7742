/**
 * Node and relationship counts over every table of a Kùzu database, opened
 * read-only while no other process holds it: the figures a backup's manifest
 * records and a restore is compared with.
 */
import kuzu from 'kuzu';

export async function countGraph(databasePath: string): Promise<{ nodes: number; relationships: number }> {
  const database = new kuzu.Database(databasePath, 256 * 1024 * 1024, true, true);
  const connection = new kuzu.Connection(database);
  const count = async (cypher: string): Promise<number> => {
    const result = await connection.query(cypher);
    const rows = (Array.isArray(result) ? result[0] : result)?.getAllSync() ?? [];
    return Number(rows[0]?.c ?? 0);
  };
  try {
    return {
      nodes: await count('MATCH (n) RETURN count(n) AS c'),
      relationships: await count('MATCH ()-[r]->() RETURN count(r) AS c'),
    };
  } finally {
    await connection.close();
    await database.close();
  }
}
