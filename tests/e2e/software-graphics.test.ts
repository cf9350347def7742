/**
 * A large view on a machine whose WebGL is a software rasteriser (headless Chromium without a
 * GPU: SwiftShader; also llvmpipe in many virtual desktops) is drawn by the canvas renderer:
 * there, software WebGL took seconds a frame, and ten wheel-zoom steps at 2,500 nodes 21 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './browser.ts';
import { hook } from './flows.ts';
import { largeNetwork, openNetworkView, serverWithNetwork, type LargeNetwork } from './large-network.ts';
import type { RunningServer } from './server.ts';

describe('a large view with software-only graphics', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  let network: LargeNetwork;

  beforeAll(async () => {
    network = largeNetwork(2500, 5000);
    server = await serverWithNetwork(network);
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is drawn by the canvas renderer, zooms with the wheel and says nothing of WebGL', async () => {
    const { page } = browser;
    const webglRenderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    });
    expect(webglRenderer, 'this browser renders WebGL in software').toMatch(/SwiftShader|llvmpipe/i);
    await openNetworkView(page, {
      server,
      network,
      file: 'software-graphics-workspace.json',
      counts: '2500 nodes · 5000 relationships',
    });
    expect(await hook(page, (h) => (h as unknown as { renderer: string }).renderer)).toBe('canvas');
    expect(await page.locator('footer.status').innerText()).not.toMatch(/WebGL/);

    const before = await hook(page, (h) => h.zoom());
    const box = await page.getByTestId('graph-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await hook(page, (h) => h.zoom())) / before).toBeGreaterThan(2.5);
    await browser.screenshot('software-graphics-zoomed');
    expect(browser.errors).toEqual([]);
  }, 300_000);
});
