/**
 * One way to get a logger: the entry points (the server's main, the command-line tools, the
 * embedded store's child process) create one with createLogger and hand it down; everything
 * else takes the logger it is given, so a test or a caller decides where its logs go.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const ENTRY_POINTS = [/^main\.ts$/, /^cli\/[^/]+\.ts$/, /^store\/kuzu\/process\/kuzu-child\.ts$/];

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const sources = productionFiles(SRC).map((file) => ({
  file: relative(SRC, file).split('\\').join('/'),
  text: readFileSync(file, 'utf8'),
}));

describe('logger', () => {
  it('is created only by an entry point and injected everywhere else', () => {
    const creators = sources
      .filter(({ file, text }) => file !== 'logger.ts' && /\bcreateLogger\s*\(/.test(text))
      .map(({ file }) => file);
    expect(creators.filter((file) => !ENTRY_POINTS.some((entry) => entry.test(file)))).toEqual([]);
  });

  it('comes from logger.ts: no other production file imports pino', () => {
    const pinoImports = sources.filter(({ file, text }) => file !== 'logger.ts' && /from\s+['"]pino['"]/.test(text));
    expect(pinoImports.map(({ file }) => file)).toEqual([]);
  });
});
