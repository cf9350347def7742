import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TokenIssuer } from './tokens.ts';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const claims = { username: 'ana', role: 'INVESTIGATOR' as const, informantClearance: true, tokenVersion: 3 };

describe('TokenIssuer', () => {
  it('round-trips the claims', async () => {
    const issuer = new TokenIssuer({ secret, ttlSeconds: 600 });
    const { token, expiresAt } = await issuer.issue(claims);
    expect(await issuer.verify(token)).toEqual(claims);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a token once it expires, though it was accepted (and kept as checked) before', async () => {
    const issuer = new TokenIssuer({ secret, ttlSeconds: 60 });
    const issuedAt = Date.now();
    const { token } = await issuer.issue(claims, new Date(issuedAt));
    expect(await issuer.verify(token, issuedAt + 1000)).toEqual(claims);
    expect(await issuer.verify(token, issuedAt + 2000)).toEqual(claims);
    await expect(issuer.verify(token, issuedAt + 120_000)).rejects.toThrow('expired');
    await expect(issuer.verify(token, issuedAt + 130_000)).rejects.toThrow('expired');
  });

  it('refuses an expired token, another key, and a different algorithm', async () => {
    const issuer = new TokenIssuer({ secret, ttlSeconds: 60 });
    const old = await issuer.issue(claims, new Date(Date.now() - 3600_000));
    await expect(issuer.verify(old.token)).rejects.toThrow('expired');

    const other = await new TokenIssuer({ secret: `${secret}-other`, ttlSeconds: 60 }).issue(claims);
    await expect(issuer.verify(other.token)).rejects.toThrow('not valid');

    const hs512 = await new SignJWT({ role: 'ADMIN', clr: true, ver: 3 })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('ana')
      .setIssuer('maillon')
      .setAudience('maillon-api')
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    await expect(issuer.verify(hs512)).rejects.toThrow('not valid');
  });

  it('refuses a token for another audience', async () => {
    const token = await new SignJWT({ role: 'ADMIN', clr: true, ver: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ana')
      .setIssuer('maillon')
      .setAudience('someone-else')
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(secret));
    await expect(new TokenIssuer({ secret, ttlSeconds: 60 }).verify(token)).rejects.toThrow('not valid');
  });
});
