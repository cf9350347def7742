/**
 * User administration: create, change, disable, list. Users live in the store,
 * apart from the explorer's graph. Disabling or changing a password bumps
 * tokenVersion, which revokes every token issued before.
 */
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import type { UserStore } from '../store/ports/UserStore.ts';
import type { Role, UserRecord } from '../model/records.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are compared case-insensitively: stored and looked up in lower case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function checkUsername(username: string): string {
  const name = normaliseUsername(username);
  if (!USERNAME.test(name)) {
    throw new UserInputError(
      'username must be 2 to 64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return name;
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new UserInputError(problem);
}

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly informantClearance: boolean;
}

export interface UserChange {
  readonly username: string;
  readonly role?: Role | undefined;
  readonly informantClearance?: boolean | undefined;
  readonly password?: string | undefined;
}

export async function createUser(store: UserStore, input: NewUser): Promise<UserRecord> {
  const username = checkUsername(input.username);
  checkPassword(input.password);
  if (await store.findUser(username)) throw new UserInputError(`a user named "${username}" already exists`);
  const user: UserRecord = {
    username,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    informantClearance: input.informantClearance,
    disabled: false,
    tokenVersion: 1,
    createdAt: new Date().toISOString(),
  };
  await store.saveUser(user);
  return user;
}

export async function getUser(store: Pick<UserStore, 'findUser'>, username: string): Promise<UserRecord> {
  const user = await store.findUser(normaliseUsername(username));
  if (!user) throw new NotFoundError(`no user named "${normaliseUsername(username)}"`);
  return user;
}

export async function updateUser(store: UserStore, change: UserChange): Promise<UserRecord> {
  const user = await getUser(store, change.username);
  if (change.password !== undefined) checkPassword(change.password);
  // A lost clearance or a lower role must not live on in tokens issued before.
  const revokes =
    change.password !== undefined ||
    (change.role !== undefined && change.role !== user.role) ||
    (change.informantClearance !== undefined && change.informantClearance !== user.informantClearance);
  const updated: UserRecord = {
    ...user,
    role: change.role ?? user.role,
    informantClearance: change.informantClearance ?? user.informantClearance,
    passwordHash: change.password !== undefined ? await hashPassword(change.password) : user.passwordHash,
    tokenVersion: revokes ? user.tokenVersion + 1 : user.tokenVersion,
  };
  await store.saveUser(updated);
  return updated;
}

export async function disableUser(store: UserStore, username: string): Promise<UserRecord> {
  const user = await getUser(store, username);
  const updated: UserRecord = { ...user, disabled: true, tokenVersion: user.tokenVersion + 1 };
  await store.saveUser(updated);
  return updated;
}

export async function listUsers(store: UserStore): Promise<UserRecord[]> {
  const users = await store.listUsers();
  return users.sort((a, b) => a.username.localeCompare(b.username));
}
