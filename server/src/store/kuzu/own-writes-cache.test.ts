import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../../model/records.ts';
import { OwnWritesCache } from './own-writes-cache.ts';

const ana = (tokenVersion: number, disabled = false): UserRecord => ({
  username: 'ana',
  passwordHash: 'x',
  role: 'INVESTIGATOR',
  informantClearance: false,
  disabled,
  tokenVersion,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('OwnWritesCache', () => {
  it('answers from memory until a save, then reads the saved record', async () => {
    const cache = new OwnWritesCache<UserRecord>();
    let stored = ana(1);
    let reads = 0;
    const read = async () => (reads++, stored);
    expect(await cache.find('ana', read)).toEqual(ana(1));
    expect(await cache.find('ana', read)).toEqual(ana(1));
    expect(reads).toBe(1);
    await cache.save('ana', async () => void (stored = ana(2, true)));
    expect(await cache.find('ana', read)).toEqual(ana(2, true));
  });

  it('does not keep a record read while a save was under way (it may predate the save)', async () => {
    const cache = new OwnWritesCache<UserRecord>();
    let stored = ana(1);
    let finishRead: (() => void) | undefined;
    const slowRead = cache.find('ana', async () => {
      const before = stored;
      await new Promise<void>((resolve) => (finishRead = resolve));
      return before;
    });
    await cache.save('ana', async () => void (stored = ana(2, true)));
    finishRead?.();
    expect(await slowRead).toEqual(ana(1));
    expect(await cache.find('ana', async () => stored)).toEqual(ana(2, true));
  });

  it('keeps that a record is absent until it is written', async () => {
    const cache = new OwnWritesCache<UserRecord>();
    let stored: UserRecord | undefined;
    let reads = 0;
    const read = async () => (reads++, stored);
    expect(await cache.find('ana', read)).toBeUndefined();
    expect(await cache.find('ana', read)).toBeUndefined();
    expect(reads).toBe(1);
    await cache.save('ana', async () => void (stored = ana(1)));
    expect(await cache.find('ana', read)).toEqual(ana(1));
  });
});
