// npm run neo4j:start | neo4j:stop | neo4j:status | neo4j:dump -- DIR | neo4j:load -- DIR: one
// local Neo4j for development, its store in .neo4j/home (git-ignored; MAILLON_NEO4J_HOME to use
// another). start prints the NEO4J_* lines to use, and again if already running.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dumpDatabase, loadDatabase } from './admin-tool.mjs';
import { alive, cacheDir, startNeo4j, stopPid, writeJson } from './local-neo4j.mjs';

const home = resolve(process.env.MAILLON_NEO4J_HOME || join(cacheDir, 'home'));
// Beside the home, so that the default stays .neo4j/server.json.
const stateFile = join(dirname(home), 'server.json');

function running() {
  if (!existsSync(stateFile)) return undefined;
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  return alive(state.pid) ? state : undefined;
}

function printSettings(state) {
  console.log(`NEO4J_URI=${state.uri}`);
  console.log(`NEO4J_USER=${state.user}`);
  console.log(`NEO4J_PASSWORD=${state.password}`);
}

/** Neo4j Community dumps and loads only a stopped database: say so rather than let the tool fail. */
function refuseWhileRunning(what) {
  const state = running();
  if (!state) return false;
  console.error(`Neo4j is running (pid ${state.pid}): stop it with npm run neo4j:stop before the ${what}.`);
  console.error('Neo4j Community dumps and loads only a stopped database; start it again afterwards.');
  return true;
}

async function main(command, dir) {
  switch (command) {
    case 'start': {
      const existing = running();
      if (existing) {
        console.error(`Neo4j is already running (pid ${existing.pid}).`);
        printSettings(existing);
        return 0;
      }
      console.error(`Starting Neo4j Community with its store in ${home} ...`);
      const neo = await startNeo4j({ home, detached: true, log: (m) => console.error(m) });
      writeJson(stateFile, { pid: neo.pid, uri: neo.uri, user: neo.user, password: neo.password });
      console.error(`Neo4j is running (pid ${neo.pid}, log ${neo.logFile}). Stop it with npm run neo4j:stop.`);
      printSettings(neo);
      return 0;
    }
    case 'stop': {
      const state = running();
      if (!state) {
        console.error('Neo4j is not running.');
        return 0;
      }
      await stopPid(state.pid);
      rmSync(stateFile, { force: true });
      console.error(`Neo4j (pid ${state.pid}) stopped.`);
      return 0;
    }
    case 'status': {
      const state = running();
      if (!state) {
        console.error('Neo4j is not running.');
        return 1;
      }
      console.error(`Neo4j is running (pid ${state.pid}).`);
      printSettings(state);
      return 0;
    }
    case 'dump':
    case 'load': {
      if (!dir) {
        console.error(`usage: npm run neo4j:${command} -- DIR`);
        return 64;
      }
      if (refuseWhileRunning(command)) return 2;
      const run = command === 'dump' ? dumpDatabase : loadDatabase;
      const result = run({ home, dir: resolve(dir) });
      if (result.code !== 0) {
        console.error(`neo4j-admin database ${command} failed (exit ${result.code}):\n${result.output}`);
        return 1;
      }
      console.error(result.message);
      return 0;
    }
    default:
      console.error('usage: node scripts/neo4j/cli.mjs start|stop|status|dump DIR|load DIR');
      return 64;
  }
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
