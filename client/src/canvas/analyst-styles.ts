import type { StylesheetJson } from 'cytoscape';

/** Looks of the analyst's derived elements (view-projection.ts); spread into the stylesheet after the per-label rules. */
export const ANALYST_STYLES: StylesheetJson = [
  {
    // A group stands for several nodes: bigger, and its caption carries the member count.
    selector: 'node.group-node',
    style: {
      shape: 'round-rectangle',
      width: 54,
      height: 54,
      'background-color': '#5d6d7e',
      'border-width': 3,
      'border-color': '#2e4053',
      'border-style': 'double',
      'font-weight': 'bold',
    },
  },
  {
    // Not a relationship in the data: a collapsed Event, drawn dashed and without direction.
    selector: 'edge.via-event',
    style: {
      'line-style': 'dashed',
      'line-dash-pattern': [8, 4],
      'line-color': '#b7950b',
      'target-arrow-shape': 'none',
      color: '#7d6608',
      width: 2,
    },
  },
];
