/**
 * The JWT attack matrix against the token module: only tokens the server itself
 * signed, unaltered, within their lifetime, for this issuer and audience, pass.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidTokenError, TokenIssuer } from '../../server/src/auth/tokens.ts';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256!';
const TTL = 900;
const issuer = new TokenIssuer({ secret: SECRET, ttlSeconds: TTL });
const key = new TextEncoder().encode(SECRET);
const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

const goodClaims = (): JWTPayload => ({
  sub: 'alice',
  role: 'VIEWER',
  clr: false,
  ver: 0,
  iss: 'maillon',
  aud: 'maillon-api',
  iat: now(),
  nbf: now(),
  exp: now() + TTL,
});

const HMAC: Readonly<Record<string, string>> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/**
 * Signs `claims` by hand (so that any header, even one jose would refuse to write,
 * can be sent) with the server's own secret and algorithm unless told otherwise.
 */
async function signed(
  claims: JWTPayload,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
  secret = key,
) {
  const input = `${b64url(header)}.${b64url(claims)}`;
  const digest = HMAC[String(header.alg)] ?? 'sha256';
  return `${input}.${createHmac(digest, secret).update(input).digest('base64url')}`;
}

async function expectRejected(token: string) {
  await expect(issuer.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
}

describe('JWT attack matrix', () => {
  it('accepts a token the server issued (control)', async () => {
    const { token } = await issuer.issue({
      username: 'alice',
      role: 'VIEWER',
      informantClearance: false,
      tokenVersion: 0,
    });
    await expect(issuer.verify(token)).resolves.toMatchObject({ username: 'alice', role: 'VIEWER' });
    await expect(issuer.verify(await signed(goodClaims()))).resolves.toMatchObject({ username: 'alice' });
  });

  it('rejects alg "none" in any spelling', async () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      await expectRejected(`${b64url({ alg, typ: 'JWT' })}.${b64url(goodClaims())}.`);
    }
  });

  it('rejects a token signed with another key', async () => {
    await expectRejected(
      await signed(goodClaims(), undefined, new TextEncoder().encode('another-secret-another-secret-another!')),
    );
    await expectRejected(await signed(goodClaims(), undefined, new TextEncoder().encode('')));
  });

  it('rejects other algorithms, including RS/HS confusion', async () => {
    for (const alg of ['HS384', 'HS512']) await expectRejected(await signed(goodClaims(), { alg }));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRejected(await new SignJWT(goodClaims()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey));
    // The classic confusion: HS256 keyed with a public key the attacker knows.
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    await expectRejected(await signed(goodClaims(), { alg: 'HS256' }, new TextEncoder().encode(String(pem))));
    // A header that points at an attacker's key set changes nothing.
    await expectRejected(
      await signed(
        goodClaims(),
        { alg: 'HS256', jku: 'https://evil.example/jwks', kid: 'x' },
        new TextEncoder().encode('evil-evil-evil-evil-evil-evil-evil!'),
      ),
    );
  });

  it('rejects expired tokens and tokens from the future', async () => {
    await expectRejected(
      await signed({ ...goodClaims(), iat: now() - 2 * HOUR, nbf: now() - 2 * HOUR, exp: now() - HOUR }),
    );
    await expectRejected(
      await signed({ ...goodClaims(), nbf: now() + HOUR, iat: now() + HOUR, exp: now() + 2 * HOUR }),
    );
    await expectRejected(await signed({ ...goodClaims(), iat: now() + HOUR }));
  });

  it('rejects tokens that claim a longer lifetime than the server grants', async () => {
    await expectRejected(
      await signed({
        ...goodClaims(),
        iat: now() - 30 * 24 * HOUR,
        nbf: now() - 30 * 24 * HOUR,
        exp: now() + 365 * 24 * HOUR,
      }),
    );
    await expectRejected(await signed({ ...goodClaims(), exp: now() + 365 * 24 * HOUR }));
  });

  it('rejects the wrong issuer or audience, and missing time claims', async () => {
    await expectRejected(await signed({ ...goodClaims(), iss: 'someone-else' }));
    await expectRejected(await signed({ ...goodClaims(), aud: 'another-api' }));
    const { iss: _iss, ...noIssuer } = goodClaims();
    await expectRejected(await signed(noIssuer));
    for (const claim of ['exp', 'iat', 'nbf', 'sub']) {
      const claims = Object.fromEntries(Object.entries(goodClaims()).filter(([name]) => name !== claim));
      await expectRejected(await signed(claims));
    }
  });

  it('rejects a tampered payload under a valid signature', async () => {
    const token = await signed(goodClaims());
    const [header, , signature] = token.split('.');
    const escalated = b64url({ ...goodClaims(), role: 'ADMIN', clr: true });
    await expectRejected(`${header}.${escalated}.${signature}`);
    // One flipped character in the signature.
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    await expectRejected(flipped);
  });

  it('rejects claims of the wrong shape even when correctly signed', async () => {
    await expectRejected(await signed({ ...goodClaims(), role: 'SUPERADMIN' }));
    await expectRejected(await signed({ ...goodClaims(), ver: '0' }));
    await expectRejected(await signed({ ...goodClaims(), clr: 'true' }));
    await expectRejected(await signed(goodClaims(), { alg: 'HS256', crit: ['exp'], exp: 1 }));
  });

  it('rejects malformed tokens', async () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', '...', `${b64url({ alg: 'HS256' })}.!!!.sig`, 'e30.e30.']) {
      await expectRejected(token);
    }
  });
});
