// `npm start`: build the server's JavaScript and the client when missing or older than their
// sources, then run the compiled server, forwarding SIGINT/SIGTERM so that it can shut down cleanly.
import { spawn } from 'node:child_process';
import { buildClientIfNeeded, buildServerIfNeeded, root, SERVER_ENTRY } from './build.mjs';

buildServerIfNeeded();
buildClientIfNeeded();

const server = spawn(process.execPath, [SERVER_ENTRY], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
