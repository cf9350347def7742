/**
 * The store-level way to count the embedded store's tables from outside the store layer (a
 * backup's manifest), as create-store.ts is the way to open one: callers never import store/kuzu.
 */
export { countGraph as countEmbeddedTables } from './kuzu/count-tables.ts';
