// `npm run import|export|users|audit|generate -- ...`: runs a command-line tool from the compiled server,
// building it first when its sources changed, with the caller's arguments, streams and exit code.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildServerIfNeeded, root } from './build.mjs';

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/run-cli.mjs <import|export|users|audit|generate|backup|restore> [arguments]');
  process.exit(2);
}
buildServerIfNeeded();
const cli = spawn(process.execPath, [path.join(root, 'server', 'dist', 'cli', `${name}.js`), ...args], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cli.kill(signal));
cli.on('exit', (code, signal) => {
  // V8 aborts a process that outgrows its heap cap: say which knob helps rather than leave a stack dump alone.
  if (name === 'import' && signal === 'SIGABRT') {
    console.error(
      'The import ran out of JavaScript heap (a file holding one very large statement?) and was stopped before its\n' +
        'commit, so nothing was imported. Run it again with NODE_OPTIONS=--max-old-space-size=4096.',
    );
  }
  process.exit(code ?? (signal ? 1 : 0));
});
