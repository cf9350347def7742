import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { MapUserStore } from '../../../tests/support/MapUserStore.ts';
import { createUser } from './accounts.ts';
import { ensureFirstAdmin } from './first-admin.ts';
import { verifyPassword } from '../auth/passwords.ts';

const logger = pino({ level: 'silent' });

describe('ensureFirstAdmin', () => {
  it('creates admin with the configured password, once', async () => {
    const store = new MapUserStore();
    expect(await ensureFirstAdmin({ store, configuredPassword: 'configured-pw', logger })).toEqual({ created: true });
    const admin = await store.findUser('admin');
    expect(admin?.role).toBe('ADMIN');
    expect(await verifyPassword(admin?.passwordHash, 'configured-pw')).toBe(true);
    expect(await ensureFirstAdmin({ store, configuredPassword: 'configured-pw', logger })).toEqual({ created: false });
  });

  it('prints a generated password once, and only that time', async () => {
    const store = new MapUserStore();
    const printed: string[] = [];
    const outcome = await ensureFirstAdmin({
      store,
      configuredPassword: undefined,
      logger,
      print: (t) => printed.push(t),
    });
    expect(outcome.generatedPassword).toHaveLength(24);
    expect(printed.join('')).toContain(`password: ${outcome.generatedPassword}`);
    expect(await verifyPassword((await store.findUser('admin'))?.passwordHash, outcome.generatedPassword ?? '')).toBe(
      true,
    );
    await ensureFirstAdmin({ store, configuredPassword: undefined, logger, print: (t) => printed.push(t) });
    expect(printed).toHaveLength(1);
  });

  it('still creates an admin when only non-admin users exist', async () => {
    const store = new MapUserStore();
    await createUser(store, {
      username: 'ana',
      password: 'ana-password',
      role: 'INVESTIGATOR',
      informantClearance: false,
    });
    expect((await ensureFirstAdmin({ store, configuredPassword: 'configured-pw', logger })).created).toBe(true);
  });
});
