import { describe, expect, it } from 'vitest';
import { AuthService } from '../auth/AuthService.ts';
import { TokenIssuer } from '../auth/tokens.ts';
import { quietLogger } from '../../../tests/support/quiet-logger.ts';
import { revokeClearance, setClearanceByOperator } from './clearance.ts';
import { MapUserStore } from '../../../tests/support/MapUserStore.ts';
import { createUser } from './accounts.ts';

/** Two app servers behind a load balancer: their own token issuers and auth, one database. */
function serversSharing(store: MapUserStore): [AuthService, AuthService] {
  const make = () =>
    new AuthService({
      store,
      tokens: new TokenIssuer({ secret: 'a-shared-secret-of-enough-length', ttlSeconds: 1800 }),
      logger: quietLogger,
    });
  return [make(), make()];
}

describe('a revocation', () => {
  it('locks the token out on every server sharing the database, at the very next request', async () => {
    const store = new MapUserStore();
    await createUser(store, {
      username: 'ana',
      password: 'ana-password',
      role: 'INVESTIGATOR',
      informantClearance: false,
    });
    await setClearanceByOperator(store, 'ana', true, 'operator');
    const [first, second] = serversSharing(store);
    const { token } = await first.login({ username: 'ana', password: 'ana-password', clientAddress: '::1' });
    expect(await second.authenticate(token)).toMatchObject({ informantClearance: true });

    const { change } = await revokeClearance(
      store,
      { username: 'boss', role: 'ADMIN', informantClearance: false },
      'ana',
    );
    expect(change).toEqual({ action: 'revoked', username: 'ana', revokedBy: 'boss' });
    await expect(first.authenticate(token)).rejects.toThrow('revoked');
    await expect(second.authenticate(token)).rejects.toThrow('revoked');
  });
});
