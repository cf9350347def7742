// Runs fcose on a headless copy of the graph so a large layout never blocks the page.
import type { LayoutRequest, LayoutResponse } from './layout-protocol.ts';
import { runFcose } from './run-fcose.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = (event) => {
  try {
    scope.postMessage({ ok: true, positions: runFcose(event.data) });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
