/**
 * Figure 5: the client's graph work in headless Chromium. Opening the app itself
 * with a large workspace is covered by tests/e2e/large-view*.test.ts; here the same
 * Cytoscape, fcose and layout worker the client bundles run in a bare page, so that the
 * numbers are the libraries' work alone, at 1,000, 5,000 and 10,000 nodes:
 * - layout time of the client's large-view layout (ForceAtlas2 in the client's own layout
 *   worker, bundled from client/src/canvas/layout-worker.ts) against fcose "draft" in the page
 *   (grid and concentric in the note), and an incremental run after 50 nodes are added;
 * - the longest main-thread freeze while each runs (gaps between frames, long tasks);
 * - frame times while panning and while zooming, the canvas renderer against WebGL (what the
 *   client uses above its large-view threshold). Chromium runs with --disable-gpu, so WebGL
 *   is SwiftShader (software) here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { measureInPage, type PageFigures } from './client-page.ts';
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
/** Node counts of the figure; --quick leaves out the largest. */
const SIZES = [1000, 5000, 10_000];
/** The page's origin: a blob worker needs a real one, and nothing is fetched from it. */
const ORIGIN = 'http://client-bench.invalid/';

/** The client's layout worker as one classic script, as Vite bundles it for the app. */
async function layoutWorkerSource(): Promise<string> {
  const bundled = await build({
    entryPoints: [path.join(ROOT, 'client/src/canvas/layout-worker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const output = bundled.outputFiles[0];
  if (!output) throw new Error('esbuild produced no layout worker');
  return output.text;
}

const reported = { text: 'reported', test: () => true };
const ms = (value: number) => round(value, 1);

function rowsFor(nodes: number, figures: PageFigures): BenchRow[] {
  const { layouts, freeze, frames } = figures;
  const size = nodes.toLocaleString('en');
  const frameRow = (gesture: 'pan' | 'zoom', label: string) =>
    ratioRow({
      name: `frame time ${label} WebGL vs canvas, ${size} nodes`,
      ours: ms(frames[gesture].webgl.mean),
      baseline: ms(frames[gesture].canvas.mean),
      unit: 'ms/frame',
      aim: reported,
      note: `mean while ${label}; p95 WebGL ${ms(frames[gesture].webgl.p95)} ms, canvas ${ms(frames[gesture].canvas.p95)} ms; --disable-gpu: WebGL is software-rendered`,
    });
  return [
    ratioRow({
      name: `client layout ForceAtlas2 (worker) vs fcose draft, ${size} nodes`,
      ours: ms(layouts.forceAtlas2),
      baseline: ms(layouts.fcoseDraft),
      unit: 'ms',
      aim: reported,
      note:
        `${nodes * 2} edges; ForceAtlas2 as the client runs it (new worker, request, positions applied); ` +
        `fcose draft in the page; grid ${ms(layouts.grid)} ms, concentric ${ms(layouts.concentric)} ms; ` +
        `+50 nodes incremental ${ms(layouts.incremental)} ms, placed nodes moved ` +
        `${round(figures.incrementalMoved * 100, 2)}% of the mean pair distance`,
    }),
    ratioRow({
      name: `longest main-thread freeze during layout, worker ForceAtlas2 vs page fcose draft, ${size} nodes`,
      ours: ms(freeze.forceAtlas2),
      baseline: ms(freeze.fcoseDraft),
      unit: 'ms',
      aim: reported,
      note: 'longest gap between animation frames or long task on the main thread, from the request to the fitted view',
    }),
    frameRow('pan', 'panning'),
    frameRow('zoom', 'zooming'),
  ];
}

export async function benchClient(options: { quick: boolean }): Promise<BenchRow[]> {
  const worker = await layoutWorkerSource();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    headless: true,
  });
  const rows: BenchRow[] = [];
  try {
    for (const nodes of options.quick ? SIZES.slice(0, -1) : SIZES) {
      progress(`client: layouts, freezes and frames at ${nodes} nodes in headless Chromium`);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.route(`${ORIGIN}**`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><div id="cy" style="width:1400px;height:900px"></div>',
        }),
      );
      await page.goto(ORIGIN);
      // tsx compiles with esbuild's keepNames: the function sent to the page calls its __name helper.
      await page.addScriptTag({ content: 'window.__name = (target) => target;' });
      for (const script of SCRIPTS)
        await page.addScriptTag({ content: fs.readFileSync(path.join(ROOT, script), 'utf8') });
      const figures = await page.evaluate(measureInPage, { nodes, frames: options.quick ? 8 : 30, worker });
      await page.close();
      rows.push(...rowsFor(nodes, figures));
    }
  } finally {
    await browser.close();
  }
  return rows.map((row) => ({ ...row, met: null }));
}
