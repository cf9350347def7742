import { describe, expect, it } from 'vitest';
import { importMemoryLimitMb } from './open-store.ts';

const GB = 2 ** 30;

describe('importMemoryLimitMb', () => {
  it('keeps the cap the environment sets', () => {
    expect(importMemoryLimitMb({ MAILLON_KUZU_MEMORY_MB: '3000' }, 64 * GB)).toBe('3000');
  });

  it('otherwise gives the import half the machine, between the server default and 16 GB', () => {
    expect(importMemoryLimitMb({}, 24 * GB)).toBe('12288');
    expect(importMemoryLimitMb({ MAILLON_KUZU_MEMORY_MB: ' ' }, 2 * GB)).toBe('2048');
    expect(importMemoryLimitMb({}, 128 * GB)).toBe('16384');
  });
});
