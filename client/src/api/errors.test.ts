import { describe, expect, it } from 'vitest';
import { ErrorCode, PROTOCOL_CODES } from '../shared-errors.ts';
import { ApiError, plainMessage, toErrorCode } from './errors.ts';

const SERVER_CODES = [...Object.values(ErrorCode), ...PROTOCOL_CODES];
const UNKNOWN_WORDING = plainMessage(new ApiError('UNKNOWN', ''), 'load the graph');

describe('plainMessage', () => {
  it.each(SERVER_CODES)('recognises %s as a code the server sends', (code) => {
    expect(toErrorCode(code)).toBe(code);
  });

  it.each(SERVER_CODES.filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR))(
    'explains %s in its own plain words, not as an unknown error',
    (code) => {
      const message = plainMessage(new ApiError(toErrorCode(code), ''), 'load the graph');
      expect(message).toMatch(/^Could not load the graph: /);
      expect(message).not.toBe(UNKNOWN_WORDING);
      expect(message).not.toContain(code);
    },
  );

  it('names the suspension, the size limit and the timeout for what they are', () => {
    const say = (code: string) => plainMessage(new ApiError(toErrorCode(code), ''), 'expand');
    expect(say('SESSION_SUSPENDED')).toMatch(/suspended/);
    expect(say('LIMIT_EXCEEDED')).toMatch(/too large/);
    expect(say('QUERY_TIMEOUT')).toMatch(/took too long/);
    expect(say('AUDIT_UNAVAILABLE')).toMatch(/audit trail/);
  });

  it('treats a code the server never sends as unknown', () => {
    expect(toErrorCode('SOMETHING_NEW')).toBe('UNKNOWN');
    expect(toErrorCode(undefined)).toBe('UNKNOWN');
  });
});
