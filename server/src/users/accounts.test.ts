import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.ts';
import { MapUserStore } from '../../../tests/support/MapUserStore.ts';
import { createUser, disableUser, updateUser } from './accounts.ts';

const ana = { username: 'Ana', password: 'ana-password', role: 'INVESTIGATOR' as const, informantClearance: false };

describe('user administration', () => {
  it('stores usernames in lower case, hashes passwords, refuses duplicates', async () => {
    const store = new MapUserStore();
    const user = await createUser(store, ana);
    expect(user.username).toBe('ana');
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await expect(createUser(store, { ...ana, username: 'ANA' })).rejects.toThrow('a user named "ana" already exists');
  });

  it('explains bad usernames and short passwords', async () => {
    const store = new MapUserStore();
    await expect(createUser(store, { ...ana, username: 'a b' })).rejects.toThrow(/username must be 2 to 64 characters/);
    await expect(createUser(store, { ...ana, password: 'short' })).rejects.toThrow(
      'password must be at least 8 characters long',
    );
  });

  it('revokes tokens when clearance, role or password change, or the user is disabled', async () => {
    const store = new MapUserStore();
    const created = await createUser(store, ana);
    const same = await updateUser(store, { username: 'ana', role: 'INVESTIGATOR' });
    expect(same.tokenVersion).toBe(created.tokenVersion);
    const cleared = await updateUser(store, { username: 'ana', informantClearance: true });
    expect(cleared.tokenVersion).toBe(created.tokenVersion + 1);
    const repassworded = await updateUser(store, { username: 'ana', password: 'new-password' });
    expect(repassworded.tokenVersion).toBe(created.tokenVersion + 2);
    expect(await verifyPassword(repassworded.passwordHash, 'new-password')).toBe(true);
    const disabled = await disableUser(store, 'ANA');
    expect(disabled).toMatchObject({ disabled: true, tokenVersion: created.tokenVersion + 3 });
    await expect(disableUser(store, 'nobody')).rejects.toThrow('no user named "nobody"');
  });
});
