/**
 * Sign-in and token checks. Every request's token is checked against the user
 * record in the store (kept in memory only by the embedded store, through whose
 * API process every save passes): a disabled user or a bumped tokenVersion is
 * locked out at once, and a role change applies to the next request.
 */
import { AuthenticationError, RateLimitedError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { UserStore } from '../store/ports/UserStore.ts';
import type { UserRecord } from '../model/records.ts';
import { LoginThrottle } from './LoginThrottle.ts';
import { verifyPassword } from './passwords.ts';
import { InvalidTokenError, type IssuedToken, type TokenIssuer } from './tokens.ts';
import type { Viewer } from './viewer.ts';

export interface LoginResult extends IssuedToken {
  readonly user: UserRecord;
}

const WRONG_CREDENTIALS = 'Wrong username or password.';

export class AuthService {
  readonly #store: UserStore;
  readonly #tokens: TokenIssuer;
  readonly #throttle: LoginThrottle;
  readonly #logger: Logger;

  constructor(options: { store: UserStore; tokens: TokenIssuer; logger: Logger; throttle?: LoginThrottle }) {
    this.#store = options.store;
    this.#tokens = options.tokens;
    this.#logger = options.logger;
    this.#throttle = options.throttle ?? new LoginThrottle();
  }

  async login(input: { username: string; password: string; clientAddress: string }): Promise<LoginResult> {
    const wait = await this.#throttle.begin(input.username, input.clientAddress);
    if (wait > 0) {
      throw new RateLimitedError(`Too many failed sign-ins. Try again in ${wait} s.`, wait);
    }
    const user = await this.#store.findUser(input.username);
    const matches = await verifyPassword(user?.passwordHash, input.password);
    if (!user || !matches || user.disabled) {
      this.#logger.warn({ username: input.username, clientAddress: input.clientAddress }, 'sign-in refused');
      throw new AuthenticationError(WRONG_CREDENTIALS);
    }
    await this.#throttle.succeeded(input.username, input.clientAddress);
    const issued = await this.#tokens.issue({
      username: user.username,
      role: user.role,
      informantClearance: user.informantClearance,
      tokenVersion: user.tokenVersion,
    });
    return { ...issued, user };
  }

  /** The viewer a bearer token stands for; throws AuthenticationError when it no longer does. */
  async authenticate(token: string): Promise<Viewer> {
    let claims;
    try {
      claims = await this.#tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new AuthenticationError(error.message);
      throw error;
    }
    const user = await this.#store.findUser(claims.username);
    if (!user || user.disabled || user.tokenVersion !== claims.tokenVersion) {
      throw new AuthenticationError('This token has been revoked. Sign in again.');
    }
    return { username: user.username, role: user.role, informantClearance: user.informantClearance };
  }
}
