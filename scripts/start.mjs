// `npm start`: build the client when it is missing or older than its sources, then run
// the server with tsx, forwarding SIGINT/SIGTERM so that it can shut down cleanly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(root, 'client');
const builtIndex = path.join(clientDir, 'dist', 'index.html');
const SOURCES = ['index.html', 'src', 'public', 'vite.config.ts', 'package.json'];

/** Newest modification time among the client's sources (0 when there are none). */
function newestSourceTime() {
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
  for (const source of SOURCES) visit(path.join(clientDir, source));
  return newest;
}

function buildClientIfNeeded() {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) {
    console.log('Client sources not found (client/index.html): serving the API only, with a placeholder page at /.');
    return;
  }
  const builtAt = fs.existsSync(builtIndex) ? fs.statSync(builtIndex).mtimeMs : 0;
  if (builtAt >= newestSourceTime()) return;
  console.log(builtAt === 0 ? 'Building the client...' : 'Client sources changed: rebuilding the client...');
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'client'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The client build failed (see above). Fix it, or remove client/dist to retry.');
    process.exit(build.status ?? 1);
  }
}

buildClientIfNeeded();

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
