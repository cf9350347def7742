/**
 * User records kept by the process that owns the database. Every request's token
 * is checked against its user's record; this process is the only writer of the
 * users table, so an entry dropped on each save keeps the check exact: a disabled
 * user or a bumped tokenVersion takes effect on the next request.
 */
import type { UserRecord } from '../../model/records.ts';

/** Users kept at most; past it the cache starts again (a few hundred in practice). */
const MAX_CACHED_USERS = 10_000;

export class UserCache {
  private readonly users = new Map<string, UserRecord>();
  /** Saves begun and ended: a read that overlapped one may hold the record from before it. */
  private writes = 0;

  async find(username: string, read: () => Promise<UserRecord | undefined>): Promise<UserRecord | undefined> {
    const cached = this.users.get(username);
    if (cached) return cached;
    const writes = this.writes;
    const user = await read();
    if (user && writes === this.writes) {
      if (this.users.size >= MAX_CACHED_USERS) this.users.clear();
      this.users.set(username, user);
    }
    return user;
  }

  async save(username: string, write: () => Promise<void>): Promise<void> {
    this.writes++;
    this.users.delete(username);
    try {
      await write();
    } finally {
      this.writes++;
      this.users.delete(username);
    }
  }
}
