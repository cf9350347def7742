/**
 * Short-lived access tokens: HS256 JWTs signed with jose. Only HS256 is accepted
 * (no "none", no algorithm confusion); issuer, audience and time claims are checked.
 * A token says who and at which tokenVersion; the user record decides the rest.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Role } from '../model/records.ts';
import { isRole } from './viewer.ts';

const ISSUER = 'maillon';
const AUDIENCE = 'maillon-api';
const ALGORITHMS = ['HS256'];
/** Tolerated clock difference between servers behind a load balancer. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Tokens kept as verified at most; past it the cache starts again. */
const MAX_VERIFIED_TOKENS = 10_000;

export interface TokenClaims {
  readonly username: string;
  readonly role: Role;
  readonly informantClearance: boolean;
  readonly tokenVersion: number;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

export class InvalidTokenError extends Error {}

export class TokenIssuer {
  /** A KeyObject, imported once: from raw bytes, jose imports a Web Crypto key on every sign and verify. */
  readonly #key: KeyObject;
  readonly #ttlSeconds: number;
  readonly #verified = new Map<string, { readonly claims: TokenClaims; readonly exp: number }>();

  constructor(options: { secret: string; ttlSeconds: number }) {
    this.#key = createSecretKey(new TextEncoder().encode(options.secret));
    this.#ttlSeconds = options.ttlSeconds;
  }

  async issue(claims: TokenClaims, now = new Date()): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.#ttlSeconds;
    const token = await new SignJWT({ role: claims.role, clr: claims.informantClearance, ver: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.username)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .sign(this.#key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * The claims of a valid token; throws InvalidTokenError for anything else.
   * A token checked once is kept with its expiry: its signature, issuer, audience,
   * issue and not-before times cannot turn invalid later, only its lifetime can
   * end, and that is checked on every call. (The HMAC through Web Crypto was an
   * eighth of a `{ me }` request's CPU.)
   */
  async verify(token: string, now = Date.now()): Promise<TokenClaims> {
    const known = this.#verified.get(token);
    if (known) {
      if (now / 1000 <= known.exp + CLOCK_TOLERANCE_SECONDS) return known.claims;
      this.#verified.delete(token);
      throw new InvalidTokenError('The token has expired. Sign in again.');
    }
    const verified = await this.#verifyAfresh(token, now);
    if (this.#verified.size >= MAX_VERIFIED_TOKENS) this.#verified.clear();
    this.#verified.set(token, verified);
    return verified.claims;
  }

  async #verifyAfresh(token: string, now: number): Promise<{ claims: TokenClaims; exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat', 'nbf'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now),
        // Also refuses an iat in the future, which exp and nbf alone would let through.
        maxTokenAge: this.#ttlSeconds,
      });
      const { sub, role, clr, ver, iat, exp } = payload;
      if (iat === undefined || exp === undefined || exp - iat > this.#ttlSeconds) {
        throw new InvalidTokenError('The token claims a longer lifetime than this server grants.');
      }
      if (typeof sub !== 'string' || !isRole(role) || typeof clr !== 'boolean' || typeof ver !== 'number') {
        throw new InvalidTokenError('The token does not carry the expected claims.');
      }
      return { claims: { username: sub, role, informantClearance: clr, tokenVersion: ver }, exp };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new InvalidTokenError('The token has expired. Sign in again.');
      throw new InvalidTokenError('The token is not valid. Sign in again.');
    }
  }
}
