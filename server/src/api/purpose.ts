/**
 * The purpose of access: a case number or a short reason, sent as X-Purpose.
 * Recorded with every request; data reads refuse to run without one
 * (ACCESS_RULES marks which fields are data reads).
 */
import { PurposeRequiredError, UserInputError } from '../errors.ts';

export const PURPOSE_HEADER = 'x-purpose';
const MAX_PURPOSE_LENGTH = 200;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The purpose a header states, or undefined when it states none; refuses malformed values. */
export function parsePurpose(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const purpose = header.trim();
  if (purpose === '') return undefined;
  if (purpose.length > MAX_PURPOSE_LENGTH) {
    throw new UserInputError(`X-Purpose must be at most ${MAX_PURPOSE_LENGTH} characters`, { argument: 'X-Purpose' });
  }
  if (CONTROL.test(purpose)) {
    throw new UserInputError('X-Purpose must not contain control characters', { argument: 'X-Purpose' });
  }
  return purpose;
}

/** Throws PURPOSE_REQUIRED unless the request stated a purpose. */
export function requirePurpose(ctx: { readonly purpose: string | undefined }): string {
  if (ctx.purpose === undefined) throw new PurposeRequiredError();
  return ctx.purpose;
}
