// Runs the force layout on a plain copy of the graph so a large layout never blocks the page.
import type { LayoutRequest, LayoutResponse, Positions } from './layout-protocol.ts';
import { runFcose } from './run-fcose.ts';
import { runForceAtlas2 } from './run-forceatlas2.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

function layOut(request: LayoutRequest): Positions {
  switch (request.algorithm) {
    case 'fcose':
      return runFcose(request);
    case 'forceatlas2':
      return runForceAtlas2(request);
  }
}

scope.onmessage = (event) => {
  try {
    scope.postMessage({ ok: true, positions: layOut(event.data) });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
