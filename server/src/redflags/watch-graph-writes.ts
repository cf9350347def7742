/**
 * Tells a watcher of every import through a store, whoever runs it (importCypher, a reviewed
 * change, anything later): the import pipeline is the one way the graph is written. A proxy
 * rather than a subclass, so that the store keeps every other port it implements (shared state,
 * case files) and its own `this`.
 */
import type { GraphImport } from '../store/ports/GraphImport.ts';

export interface GraphWriteWatcher {
  writeStarted(): void;
  /** `committed` is false when the import failed (nothing changed). */
  writeFinished(committed: boolean): void;
}

export function watchGraphWrites<S extends GraphImport>(store: S, watcher: GraphWriteWatcher): S {
  const runImport: GraphImport['runImport'] = async (statements, options) => {
    if (options.dryRun) return store.runImport(statements, options);
    watcher.writeStarted();
    let committed = false;
    try {
      const outcome = await store.runImport(statements, options);
      committed = true;
      return outcome;
    } finally {
      watcher.writeFinished(committed);
    }
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'runImport') return runImport;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
