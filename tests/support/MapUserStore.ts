/**
 * The users port (server/src/store/ports/UserStore.ts) over a map, for unit tests of user
 * administration and login. Only this port: a service that needs more takes a real store.
 */
import type { AuditRecord, UserRecord } from '../../server/src/model/records.ts';
import type { UserStore } from '../../server/src/store/ports/UserStore.ts';

export class MapUserStore implements UserStore {
  readonly users = new Map<string, UserRecord>();

  async findUser(username: string): Promise<UserRecord | undefined> {
    return this.users.get(username);
  }
  async listUsers(): Promise<UserRecord[]> {
    return [...this.users.values()];
  }
  async saveUser(user: UserRecord): Promise<void> {
    this.users.set(user.username, user);
  }
  /** Clearance changes look up earlier grants in the audit trail; these tests write none. */
  async queryAudit(): Promise<AuditRecord[]> {
    return [];
  }
}
