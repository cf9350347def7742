/**
 * Authentication, once per request, before Apollo runs anything: a bearer token
 * becomes a viewer (checked against the user record), X-Purpose becomes the
 * purpose, and an anonymous request that is not a bare `login` is refused.
 */
import { AuthenticationError, MaillonError } from '../errors.ts';
import type { Viewer } from '../auth/viewer.ts';
import { createContext, type AppServices, type AuditMark, type MaillonContext } from './context.ts';
import { withHttpStatus } from '../http-status.ts';
import { isLoginOnly } from './login-only.ts';
import { PURPOSE_HEADER, parsePurpose } from './purpose.ts';

export interface RequestFacts {
  readonly requestId: string;
  readonly clientAddress: string;
  /** Lower-case header names. */
  readonly header: (name: string) => string | undefined;
  /** The parsed JSON body. */
  readonly body: unknown;
  readonly auditMark?: AuditMark;
}

const BEARER = /^Bearer\s+([A-Za-z0-9_.~+/=-]+)\s*$/i;

async function viewerFor(services: AppServices, authorization: string | undefined): Promise<Viewer | undefined> {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = BEARER.exec(authorization);
  if (!match?.[1]) throw new AuthenticationError('The Authorization header must be "Bearer <token>".');
  return services.auth.authenticate(match[1]);
}

/** Who sent a request that was refused for another reason, as far as its token says; never throws. */
export function attributedViewer(
  services: AppServices,
  authorization: string | undefined,
): Promise<Viewer | undefined> {
  return viewerFor(services, authorization).catch(() => undefined);
}

export async function contextForRequest(services: AppServices, facts: RequestFacts): Promise<MaillonContext> {
  try {
    const purpose = parsePurpose(facts.header(PURPOSE_HEADER));
    const viewer = await viewerFor(services, facts.header('authorization'));
    if (!viewer && !isLoginOnly(facts.body)) throw new AuthenticationError();
    return createContext({
      services,
      requestId: facts.requestId,
      clientAddress: facts.clientAddress,
      viewer,
      purpose,
      ...(facts.auditMark ? { auditMark: facts.auditMark } : {}),
    });
  } catch (error) {
    if (error instanceof MaillonError) throw withHttpStatus(error);
    throw error;
  }
}
