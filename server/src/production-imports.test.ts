/**
 * Production code stands on its own: no test framework, and nothing from outside server/src
 * (test support lives in tests/support/, which the build does not compile).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const FORBIDDEN_PACKAGES = ['vitest', 'fast-check'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function productionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function offence(file: string, specifier: string): string | undefined {
  const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  if (FORBIDDEN_PACKAGES.includes(pkg ?? '')) return `imports ${specifier}`;
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(SRC, resolve(dirname(file), specifier));
  return target.startsWith('..') ? `imports ${specifier}, outside server/src` : undefined;
}

describe('production imports', () => {
  it('no production file imports a test framework or a path outside server/src', () => {
    const offenders = productionFiles(SRC).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap((match) => {
        const found = offence(file, match[1] ?? match[2] ?? '');
        return found === undefined ? [] : [`${relative(SRC, file)} ${found}`];
      }),
    );
    expect(offenders).toEqual([]);
  });
});
