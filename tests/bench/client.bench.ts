/**
 * Figure 5: the client's graph work in headless Chromium. Opening the app itself
 * with a large workspace is covered by tests/e2e/large-view.test.ts; here the same
 * Cytoscape and fcose builds the client bundles run in a bare page, so that the
 * numbers are the library's work alone: layout time at 1,000 and 5,000 nodes
 * (fcose with the client's large-graph options, "draft", against grid and
 * concentric) and frame times while panning with the canvas renderer against
 * WebGL (what the client uses above its large-view threshold). Chromium runs with
 * --disable-gpu, so WebGL is SwiftShader (software) here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './datasets.ts';
import { round } from './stats.ts';
import { progress, ratioRow, type BenchRow } from './types.ts';

const SCRIPTS = [
  'node_modules/cytoscape/dist/cytoscape.min.js',
  'node_modules/layout-base/layout-base.js',
  'node_modules/cose-base/cose-base.js',
  'node_modules/cytoscape-fcose/cytoscape-fcose.js',
];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

interface PageFigures {
  readonly layouts: Record<string, number>;
  readonly frames: Record<'canvas' | 'webgl', { mean: number; p95: number }>;
}

/** Runs inside the page: builds a graph of `nodes` nodes and 2 edges each, times layouts and frames. */
async function measureInPage(input: { nodes: number; frames: number }): Promise<PageFigures> {
  type Cy = {
    layout(options: Record<string, unknown>): { run(): void; promiseOn(event: string): Promise<unknown> };
    panBy(delta: { x: number; y: number }): void;
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
  const time = async (cy: Cy, options: Record<string, unknown>) => {
    const layout = cy.layout({ animate: false, ...options });
    const started = performance.now();
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    return performance.now() - started;
  };
  const layouts: Record<string, number> = {};
  const cy = w.cytoscape({ container, elements, style });
  layouts.grid = await time(cy, { name: 'grid', avoidOverlap: true });
  layouts.concentric = await time(cy, {
    name: 'concentric',
    concentric: () => 1,
    levelWidth: () => 2,
    minNodeSpacing: 30,
  });
  layouts.fcose = await time(cy, {
    name: 'fcose',
    quality: 'draft',
    randomize: true,
    numIter: 600,
    nodeRepulsion: () => 6500,
    idealEdgeLength: () => 90,
    packComponents: false,
  });
  cy.destroy();

  const frames = {} as PageFigures['frames'];
  for (const renderer of ['canvas', 'webgl'] as const) {
    const view = w.cytoscape({
      container,
      elements,
      style,
      layout: { name: 'grid' },
      ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
    });
    const intervals: number[] = [];
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const step = () => {
        const now = performance.now();
        intervals.push(now - last);
        last = now;
        if (intervals.length > input.frames) return resolve();
        view.panBy({ x: 4, y: 3 });
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    intervals.shift();
    const sorted = [...intervals].sort((a, b) => a - b);
    frames[renderer] = {
      mean: intervals.reduce((a, b) => a + b, 0) / intervals.length,
      p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN,
    };
    view.destroy();
  }
  return { layouts, frames };
}

export async function benchClient(options: { quick: boolean }): Promise<BenchRow[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    headless: true,
  });
  const rows: BenchRow[] = [];
  try {
    for (const nodes of [1000, 5000]) {
      progress(`client: layouts and frames at ${nodes} nodes in headless Chromium`);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.setContent('<div id="cy" style="width:1400px;height:900px"></div>');
      // tsx compiles with esbuild's keepNames: the function sent to the page calls its __name helper.
      await page.addScriptTag({ content: 'window.__name = (target) => target;' });
      for (const script of SCRIPTS)
        await page.addScriptTag({ content: fs.readFileSync(path.join(ROOT, script), 'utf8') });
      const figures = await page.evaluate(measureInPage, { nodes, frames: options.quick ? 8 : 30 });
      await page.close();
      const { layouts, frames } = figures;
      rows.push(
        ratioRow({
          name: `client layout fcose draft, ${nodes.toLocaleString('en')} nodes (baseline grid)`,
          ours: round(layouts.fcose ?? Number.NaN, 1),
          baseline: round(layouts.grid ?? Number.NaN, 1),
          unit: 'ms',
          aim: { text: 'reported', test: () => true },
          note: `${nodes * 2} edges; concentric ${round(layouts.concentric ?? Number.NaN, 1)} ms; client's fcose options for large graphs, in the page (the client runs it in a worker)`,
        }),
        ratioRow({
          name: `frame time WebGL vs canvas, ${nodes.toLocaleString('en')} nodes`,
          ours: round(frames.webgl.mean, 1),
          baseline: round(frames.canvas.mean, 1),
          unit: 'ms/frame',
          aim: { text: 'reported', test: () => true },
          note: `mean while panning; p95 WebGL ${round(frames.webgl.p95, 1)} ms, canvas ${round(frames.canvas.p95, 1)} ms; --disable-gpu: WebGL is software-rendered`,
        }),
      );
    }
  } finally {
    await browser.close();
  }
  return rows.map((row) => ({ ...row, met: null }));
}
