// The server's graph model (labels, relationship types, allow-lists) is the one source of truth.
// A relative re-export (instead of a bundler alias) resolves the same way in Vite, tsc and vitest.
export * from '../../server/src/model/index.ts';
