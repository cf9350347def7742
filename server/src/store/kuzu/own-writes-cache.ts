/**
 * Records kept in memory by a process through which every write of them passes: an
 * entry dropped on each write keeps every read exact. Used where every request
 * reads one: its user's record (the token check) and its user's suspension, in the
 * process that owns the database and in the API process in front of it. Absence is
 * kept too (no suspension is the common case).
 */

/** Entries kept at most; past it the cache starts again (a few hundred users in practice). */
const MAX_ENTRIES = 10_000;

export class OwnWritesCache<T> {
  private readonly entries = new Map<string, { readonly value: T | undefined }>();
  /** Writes begun and ended: a read that overlapped one may hold the value from before it. */
  private writes = 0;

  async find(key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
    const cached = this.entries.get(key);
    if (cached) return cached.value;
    const writes = this.writes;
    const value = await read();
    if (writes === this.writes) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value });
    }
    return value;
  }

  /** Runs the write of `key`'s record; it is read again afterwards, whether the write succeeded or not. */
  async save<R>(key: string, write: () => Promise<R>): Promise<R> {
    this.writes++;
    this.entries.delete(key);
    try {
      return await write();
    } finally {
      this.writes++;
      this.entries.delete(key);
    }
  }
}
