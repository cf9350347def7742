export * from './schema.ts';
export * from './lookup.ts';
