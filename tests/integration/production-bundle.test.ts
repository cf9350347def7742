/**
 * The production bundle carries no test hook: `window.__maillon` (client/src/canvas/test-hook.ts)
 * is only in the bundle built for the browser tests (VITE_E2E_HOOK=on, `npm run test:e2e`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client');
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-bundle-'));

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const bundleText = (dir: string): string =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|html)$/.test(entry.name))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');

describe('production bundle', () => {
  it('has no window.__maillon test hook', async () => {
    // As `npm run build` runs it: no hook flag, and NODE_ENV production (vitest sets it to test).
    const previous = { hook: process.env['VITE_E2E_HOOK'], nodeEnv: process.env['NODE_ENV'] };
    delete process.env['VITE_E2E_HOOK'];
    process.env['NODE_ENV'] = 'production';
    try {
      await build({ root: CLIENT, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
    } finally {
      if (previous.hook !== undefined) process.env['VITE_E2E_HOOK'] = previous.hook;
      if (previous.nodeEnv === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = previous.nodeEnv;
    }
    const text = bundleText(outDir);
    expect(text).toContain('Maillon');
    expect(text.includes('__maillon'), 'the bundle contains __maillon').toBe(false);
  }, 240_000);
});
