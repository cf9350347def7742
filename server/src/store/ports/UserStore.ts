/** The users port: accounts, their roles, clearance and token version. */
import type { UserRecord } from '../../model/records.ts';

export interface UserStore {
  findUser(username: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  /** Inserts or replaces the user with this username. */
  saveUser(user: UserRecord): Promise<void>;
}
