/**
 * What the client figure runs inside the bench's page (serialised by page.evaluate, so it imports
 * nothing): a graph of `nodes` nodes and two edges each, its layouts timed, the main thread's
 * longest freeze while each runs, and frame times while panning and zooming.
 */
export interface PageFigures {
  readonly layouts: { grid: number; concentric: number; fcoseDraft: number; forceAtlas2: number; incremental: number };
  /** Longest main-thread freeze (ms): the longest gap between animation frames or long task. */
  readonly freeze: { fcoseDraft: number; forceAtlas2: number };
  /** Mean distance the placed nodes moved when 50 newcomers were laid out, over the mean random-pair distance. */
  readonly incrementalMoved: number;
  readonly frames: Record<'pan' | 'zoom', Record<'canvas' | 'webgl', { mean: number; p95: number }>>;
}

export async function measureInPage(input: { nodes: number; frames: number; worker: string }): Promise<PageFigures> {
  type Position = { x: number; y: number };
  type Node = {
    id(): string;
    position(): Position;
    position(p: Position): void;
    width(): number;
    height(): number;
    scratch(ns: string, v?: unknown): unknown;
  };
  type Edge = { id(): string; source(): Node; target(): Node };
  type Cy = {
    layout(options: Record<string, unknown>): { run(): void; promiseOn(event: string): Promise<unknown> };
    nodes(): { map<T>(f: (n: Node) => T): T[]; forEach(f: (n: Node) => void): void };
    edges(): { map<T>(f: (e: Edge) => T): T[] };
    getElementById(id: string): Node;
    add(elements: unknown[]): void;
    batch(f: () => void): void;
    fit(): void;
    panBy(delta: Position): void;
    zoom(): number;
    zoom(options: { level: number; renderedPosition: Position }): void;
    destroy(): void;
  };
  const w = window as unknown as {
    cytoscape: ((options: Record<string, unknown>) => Cy) & { use(ext: unknown): void };
    cytoscapeFcose: unknown;
  };
  w.cytoscape.use(w.cytoscapeFcose);
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const elements: Array<{ data: Record<string, string> }> = [];
  for (let i = 0; i < input.nodes; i++) elements.push({ data: { id: `n${i}`, label: `Person ${i}` } });
  for (let i = 0; i < input.nodes * 2; i++) {
    elements.push({
      data: { id: `e${i}`, source: `n${i % input.nodes}`, target: `n${Math.floor(random() * input.nodes)}` },
    });
  }
  const container = document.getElementById('cy') as HTMLElement;
  const style = [
    { selector: 'node', style: { label: 'data(label)', width: 20, height: 20, 'font-size': 8 } },
    { selector: 'edge', style: { width: 1, 'curve-style': 'haystack' } },
  ];
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  /** Watches the main thread until stopped: the longest gap between frames and the longest long task. */
  const watchFreezes = () => {
    let longest = 0;
    let last = performance.now();
    let watching = true;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return async () => {
      await nextFrame();
      await nextFrame();
      watching = false;
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      return longest;
    };
  };
  const time = async (cy: Cy, options: Record<string, unknown>) => {
    const layout = cy.layout({ animate: false, ...options });
    const started = performance.now();
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    return performance.now() - started;
  };
  const workerUrl = URL.createObjectURL(new Blob([input.worker], { type: 'text/javascript' }));
  /** As the client runs it (layout-in-worker.ts): plain data to a new worker, positions applied in one batch. */
  const forceAtlas2InWorker = async (cy: Cy) => {
    const started = performance.now();
    const request = {
      algorithm: 'forceatlas2',
      nodes: cy.nodes().map((n) => ({
        id: n.id(),
        ...n.position(),
        w: n.width(),
        h: n.height(),
        placed: n.scratch('placed') === true,
      })),
      edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
      fixed: [],
      incremental: true,
    };
    const worker = new Worker(workerUrl);
    const response = await new Promise<{ ok: boolean; positions?: Record<string, Position>; message?: string }>(
      (resolve) => {
        worker.onmessage = (event) => resolve(event.data);
        worker.postMessage(request);
      },
    );
    worker.terminate();
    if (!response.ok || !response.positions) throw new Error(`layout worker: ${response.message}`);
    const positions = response.positions;
    cy.batch(() => {
      for (const [id, position] of Object.entries(positions)) cy.getElementById(id).position(position);
    });
    cy.nodes().forEach((n) => void n.scratch('placed', true));
    cy.fit();
    return performance.now() - started;
  };

  // Headless (styles kept, for node sizes): the freezes are the layout's own, drawing is the frame figures'.
  const cy = w.cytoscape({ headless: true, styleEnabled: true, elements, style });
  const grid = await time(cy, { name: 'grid', avoidOverlap: true });
  const concentric = await time(cy, {
    name: 'concentric',
    concentric: () => 1,
    levelWidth: () => 2,
    minNodeSpacing: 30,
  });
  let stop = watchFreezes();
  const fcoseDraft = await time(cy, {
    name: 'fcose',
    quality: 'draft',
    randomize: true,
    numIter: 600,
    nodeRepulsion: () => 6500,
    idealEdgeLength: () => 90,
    packComponents: false,
  });
  const fcoseFreeze = await stop();
  // A fresh view: the nodes scattered, none placed by an earlier run.
  cy.nodes().forEach((n) => n.position({ x: random() * 3000, y: random() * 3000 }));
  stop = watchFreezes();
  const forceAtlas2 = await forceAtlas2InWorker(cy);
  const forceAtlas2Freeze = await stop();
  const before = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
  const newcomers = Array.from({ length: 50 }, (_, i) => [
    { group: 'nodes', data: { id: `q${i}`, label: `New ${i}` }, position: { x: 0, y: 0 } },
    { group: 'edges', data: { id: `f${i}`, source: `q${i}`, target: `n${Math.floor(random() * input.nodes)}` } },
  ]).flat();
  cy.add(newcomers);
  const incremental = await forceAtlas2InWorker(cy);
  const ids = [...before.keys()];
  const distance = (a: Position | undefined, b: Position | undefined) =>
    a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  let moved = 0;
  for (const [id, p] of before) moved += distance(p, cy.getElementById(id).position());
  let spread = 0;
  for (let i = 0; i < 2000; i++)
    spread += distance(before.get(ids[Math.floor(random() * ids.length)] ?? ''), before.get(ids[i % ids.length] ?? ''));
  cy.destroy();
  URL.revokeObjectURL(workerUrl);

  const frames = { pan: {}, zoom: {} } as PageFigures['frames'];
  for (const renderer of ['canvas', 'webgl'] as const) {
    const view = w.cytoscape({
      container,
      elements,
      style,
      layout: { name: 'grid' },
      ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
    });
    const centre = { x: container.clientWidth / 2, y: container.clientHeight / 2 };
    const gestures = {
      pan: () => view.panBy({ x: 4, y: 3 }),
      // In and out in turns of ten frames, about the centre, as a wheel does.
      zoom: (frame: number) =>
        view.zoom({ level: view.zoom() * (frame % 20 < 10 ? 1.05 : 1 / 1.05), renderedPosition: centre }),
    };
    for (const gesture of ['pan', 'zoom'] as const) {
      const intervals: number[] = [];
      await new Promise<void>((resolve) => {
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          intervals.push(now - last);
          last = now;
          if (intervals.length > input.frames) return resolve();
          gestures[gesture](intervals.length);
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
      intervals.shift();
      const sorted = [...intervals].sort((a, b) => a - b);
      frames[gesture][renderer] = {
        mean: intervals.reduce((a, b) => a + b, 0) / intervals.length,
        p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN,
      };
    }
    view.destroy();
  }
  return {
    layouts: { grid, concentric, fcoseDraft, forceAtlas2, incremental },
    freeze: { fcoseDraft: fcoseFreeze, forceAtlas2: forceAtlas2Freeze },
    incrementalMoved: moved / before.size / (spread / 2000),
    frames,
  };
}
