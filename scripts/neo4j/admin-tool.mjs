// neo4j-admin without a Neo4j installation: its entry point (org.neo4j.cli.AdminTool) is in the
// jars Maven resolved for the local launcher, and NEO4J_HOME points it at the launcher's store.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findJava, resolveClasspath } from './local-neo4j.mjs';

const DATABASE = 'neo4j';

function adminTool(home, args) {
  const java = findJava();
  if (!java) throw new Error('Java 17 or newer is needed to run neo4j-admin: none found (JAVA_HOME, PATH)');
  const result = spawnSync(java, ['-cp', resolveClasspath(), 'org.neo4j.cli.AdminTool', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_HOME: home, CLASSPATH: '' },
  });
  if (result.error) throw result.error;
  return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `neo4j-admin database dump neo4j --to-path=DIR`: writes DIR/neo4j.dump. The database must be stopped. */
export function dumpDatabase({ home, dir }) {
  if (!existsSync(join(home, 'data', 'databases', DATABASE))) {
    return { code: 1, output: `${home} holds no Neo4j database to dump`, message: '' };
  }
  mkdirSync(dir, { recursive: true });
  const result = adminTool(home, ['database', 'dump', DATABASE, `--to-path=${dir}`, '--overwrite-destination=true']);
  return { ...result, message: `Neo4j database ${DATABASE} of ${home} dumped to ${join(dir, `${DATABASE}.dump`)}.` };
}

/** `neo4j-admin database load neo4j --from-path=DIR --overwrite-destination=true`, into a stopped home. */
export function loadDatabase({ home, dir }) {
  if (!existsSync(join(dir, `${DATABASE}.dump`))) {
    return { code: 1, output: `${join(dir, `${DATABASE}.dump`)} does not exist`, message: '' };
  }
  mkdirSync(home, { recursive: true });
  const result = adminTool(home, ['database', 'load', DATABASE, `--from-path=${dir}`, '--overwrite-destination=true']);
  return {
    ...result,
    message:
      `Neo4j database ${DATABASE} of ${home} replaced by ${join(dir, `${DATABASE}.dump`)}. ` +
      'Start it with npm run neo4j:start, then check the audit trail with npm run audit -- verify.',
  };
}
