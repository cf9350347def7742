import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

let registered = false;

/** Cytoscape extensions are global and must be registered once, by name, before any layout runs. */
export function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}
