/** The worker thread of validate-in-worker.ts: validates the script it is given and posts the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../thread-priority.ts';
import { validateScript } from './pipeline.ts';
import type { ImportScope } from './validate.ts';

lowerThisThreadPriority();
const { script, scope } = workerData as { script: string; scope: ImportScope };
parentPort?.postMessage(validateScript(script, scope));
