import type { ServerResponse } from 'node:http';
import type { GraphStore } from '../store/GraphStore.ts';
import { sendJson } from './respond.ts';

const PING_TIMEOUT_MS = 3000;

/** GET /health: 200 when the store answers, 503 with Retry-After when it does not. */
export async function answerHealth(res: ServerResponse, store: GraphStore): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([store.ping(), timeout]);
    sendJson(res, { status: 200, body: { status: 'ok', store: store.kind } });
  } catch {
    sendJson(res, { status: 503, body: { status: 'unavailable', store: store.kind }, headers: { 'Retry-After': '5' } });
  } finally {
    clearTimeout(timer);
  }
}
