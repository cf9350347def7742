import { ErrorCode, MaillonError, QueryTimeoutError, StoreUnavailableError, UserInputError } from '../../../errors.ts';
import type { WireError } from './protocol.ts';

const isPrimitive = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'extensions' && isPrimitive(value)) fields[key] = value;
  }
  const extensions = error instanceof MaillonError ? { ...error.extensions } : undefined;
  const code = error instanceof MaillonError ? error.code : undefined;
  return {
    name: error.name,
    message: error.message,
    fields,
    ...(code ? { code } : {}),
    ...(extensions ? { extensions } : {}),
  };
}

/** Rebuilds an error of the one error model, so callers cannot tell the store runs elsewhere. */
export function fromWireError(wire: WireError): Error {
  const error = rebuild(wire);
  for (const [key, value] of Object.entries(wire.fields)) {
    if (!(key in error)) Object.assign(error, { [key]: value });
  }
  return error;
}

function rebuild(wire: WireError): Error {
  const extensions = wire.extensions ?? {};
  switch (wire.code) {
    case undefined: {
      const plain = new Error(wire.message);
      plain.name = wire.name;
      return plain;
    }
    case ErrorCode.DB_UNAVAILABLE:
      return new StoreUnavailableError(wire.message, Number(extensions.retryAfter ?? 2));
    case ErrorCode.QUERY_TIMEOUT:
      return new QueryTimeoutError(wire.message);
    case ErrorCode.BAD_USER_INPUT: {
      const { code: _code, ...rest } = extensions;
      return new UserInputError(wire.message, rest);
    }
    default: {
      const { code: _code, ...rest } = extensions;
      return new MaillonError(wire.code as ErrorCode, wire.message, rest);
    }
  }
}
