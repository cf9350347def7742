// The server's error codes (graphql-free) are the one source of truth for what the client explains.
// A relative re-export, like shared-model.ts, resolves the same way in Vite, tsc and vitest.
export { ErrorCode, PROTOCOL_CODES, type ProtocolCode } from '../../server/src/error-codes.ts';
