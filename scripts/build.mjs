// Builds what `npm start` and the CLIs run: the server's JavaScript (server/dist, from tsc) and the
// client's bundle (client/dist, from Vite), each only when it is missing or older than its sources.
// Used by scripts/start.mjs and scripts/run-cli.mjs; `npm run build` builds both unconditionally.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(root, 'server');
const clientDir = path.join(root, 'client');
export const SERVER_ENTRY = path.join(serverDir, 'dist', 'main.js');
const CLIENT_INDEX = path.join(clientDir, 'dist', 'index.html');
const SERVER_SOURCES = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const CLIENT_SOURCES = ['index.html', 'src', 'public', 'vite.config.ts', 'package.json'];

/** Newest modification time among `sources` under `dir` (0 when there are none). */
function newestSourceTime(dir, sources) {
  let newest = 0;
  const visit = (file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of sources) visit(path.join(dir, source));
  return newest;
}

const builtTime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/** True when a source is newer than `built`; never without sources (the image ships only builds). */
function stale(built, dir, sources) {
  if (!fs.existsSync(path.join(dir, 'src'))) return false;
  return builtTime(built) < newestSourceTime(dir, sources);
}

function run(what, args) {
  const build = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error(`The ${what} build failed (see above).`);
    process.exit(build.status ?? 1);
  }
}

/** The server's JavaScript, rebuilt when its TypeScript changed. */
export function buildServerIfNeeded() {
  if (!stale(SERVER_ENTRY, serverDir, SERVER_SOURCES)) return;
  console.error(builtTime(SERVER_ENTRY) === 0 ? 'Building the server...' : 'Server sources changed: rebuilding...');
  run('server', ['run', 'build', '--workspace', 'server', '--silent']);
}

/** The client's bundle, rebuilt when its sources changed; the API alone when there are none. */
export function buildClientIfNeeded() {
  if (!fs.existsSync(path.join(clientDir, 'index.html')) && !fs.existsSync(CLIENT_INDEX)) {
    console.error('Client sources not found (client/index.html): serving the API only, with a placeholder page at /.');
    return;
  }
  if (!stale(CLIENT_INDEX, clientDir, CLIENT_SOURCES)) return;
  console.error(builtTime(CLIENT_INDEX) === 0 ? 'Building the client...' : 'Client sources changed: rebuilding...');
  run('client', ['run', 'build', '--workspace', 'client']);
}
