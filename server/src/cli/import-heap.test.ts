import { describe, expect, it } from 'vitest';
import { IMPORT_HEAP_MB, importNodeOptions } from './import-heap.ts';

describe('the import command heap cap', () => {
  it('is added to whatever NODE_OPTIONS already holds', () => {
    expect(importNodeOptions(undefined)).toBe(`--max-old-space-size=${IMPORT_HEAP_MB}`);
    expect(importNodeOptions(' --enable-source-maps ')).toBe(
      `--enable-source-maps --max-old-space-size=${IMPORT_HEAP_MB}`,
    );
  });

  it('leaves a cap the caller chose (a file with one huge statement needs more)', () => {
    expect(importNodeOptions('--max-old-space-size=4096')).toBe('--max-old-space-size=4096');
    expect(importNodeOptions('--inspect --max-old-space-size 2048')).toBe('--inspect --max-old-space-size 2048');
  });
});
