// The Neo4j integration tier needs a running Neo4j. Without NEO4J_URI it says so and
// passes: the Neo4j adapter's queries are still linted offline in the unit tier.
import { spawnSync } from 'node:child_process';

if (!process.env.NEO4J_URI) {
  console.log('Neo4j tier: NEO4J_URI is not set, so the store contract suite runs against Kùzu only.');
  console.log("The Neo4j adapter's Cypher is linted offline in the unit tier.");
  process.exit(0);
}
const run = spawnSync('npx', ['vitest', 'run', '--project', 'neo4j'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
