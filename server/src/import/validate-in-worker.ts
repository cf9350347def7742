/**
 * Validation of a large script held in memory, on a worker thread. Validating is
 * seconds of synchronous parsing for a script of several MB (measured: 4.3 s for a
 * 20,000-person network of 10.9 MB, one statement alone 0.7 s), and importCypher
 * runs in the API process: on its event loop, every other request waited for it
 * (entity lookups 2.7-7 s, issue 11). Small scripts are validated in place, where
 * starting a thread (about 0.5 s) would cost more than the parse.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { validateScript, type ValidatedScript } from './pipeline.ts';
import type { ImportScope } from './validate.ts';

/** Scripts at least this long (in characters) are validated on a worker thread. */
export const WORKER_MIN_CHARS = 256 * 1024;

// Production runs the compiled build; tests and development run the sources, where the
// worker's .ts is loaded through tsx (registered in the worker itself: hooks do not cross threads).
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './validate-worker.ts' : './validate-worker.js', import.meta.url);

function startWorker(workerData: { script: string; scope: ImportScope }): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  // require.resolve names the package's CommonJS entry; the worker imports its ESM twin beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export function validateScriptOffThread(script: string, scope: ImportScope): Promise<ValidatedScript> {
  if (script.length < WORKER_MIN_CHARS) return Promise.resolve(validateScript(script, scope));
  return new Promise<ValidatedScript>((resolve, reject) => {
    const worker = startWorker({ script, scope });
    let settled = false;
    worker.once('message', (result: ValidatedScript) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the validation thread stopped (code ${code}) before it answered`));
    });
  });
}
