export * from './schema.ts';
export * from './lookup.ts';
export * from './limits.ts';
