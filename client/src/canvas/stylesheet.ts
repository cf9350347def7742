import type { StylesheetJson } from 'cytoscape';
import { ANALYST_STYLES } from './analyst-styles.ts';
import { LABEL_STYLES } from '../model-view/label-styles.ts';
import { NODE_LABELS } from '../shared-model.ts';

/** Colours for the states every label shares; the per-label look comes from LABEL_STYLES. */
const SELECTED = '#f1c40f';
const PATH = '#e74c3c';
const ALLEGED = '#e67e22';

export function buildStylesheet(options: { large: boolean }): StylesheetJson {
  const perLabel = NODE_LABELS.map((label) => ({
    selector: `node.label-${label}`,
    style: { 'background-color': LABEL_STYLES[label].color, shape: LABEL_STYLES[label].shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        width: 34,
        height: 34,
        'background-color': '#95a5a6',
        label: 'data(caption)',
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': options.large ? 0 : 0.75,
        'text-background-padding': '1px',
        'border-width': 1,
        'border-color': '#ffffff',
        'min-zoomed-font-size': options.large ? 9 : 0,
      },
    },
    ...perLabel,
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': options.large ? 'haystack' : 'bezier',
        label: options.large ? '' : 'data(caption)',
        'font-size': 9,
        color: '#4a5560',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 7,
      },
    },
    {
      // An allegation, not a finding: dashed and captioned "(alleged)".
      selector: 'edge.alleged',
      style: {
        'line-style': 'dashed',
        'line-color': ALLEGED,
        'target-arrow-color': ALLEGED,
        color: '#a04000',
        width: 2,
      },
    },
    ...ANALYST_STYLES,
    // Facts added from the explorer carry an Admiralty grading: solid when well graded, dotted when low.
    { selector: 'edge.graded', style: { width: 3 } },
    { selector: 'edge.low-graded', style: { 'line-style': 'dotted', width: 2 } },
    // A note from the open investigation: an amber outline on the node, an amber edge caption.
    { selector: 'node.has-note', style: { 'outline-width': 4, 'outline-color': '#f5b041', 'outline-offset': 2 } },
    { selector: 'edge.has-note', style: { color: '#b9770e', 'font-weight': 'bold' } },
    { selector: 'node.has-more', style: { 'border-width': 3, 'border-color': '#34495e', 'border-style': 'double' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#2c3e50' } },
    { selector: '.filtered, .user-hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.25 } },
    { selector: 'node.hover-neighbour', style: { 'border-width': 3, 'border-color': '#5dade2' } },
    {
      selector: 'edge.hover-neighbour',
      style: { 'line-color': '#5dade2', 'target-arrow-color': '#5dade2', width: 2.5 },
    },
    // Behind a highlight (a path, a red flag's evidence): still there, but clearly not the point.
    { selector: '.dimmed', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': PATH } },
    { selector: 'edge.on-path', style: { 'line-color': PATH, 'target-arrow-color': PATH, width: 4, 'z-index': 10 } },
    // Level of detail on large views (viewport.ts sets `far` when zoomed out): captions too small to read go.
    { selector: 'node.far', style: { label: '' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': SELECTED, 'overlay-opacity': 0 } },
    // A node is a few pixels wide on a zoomed-out large view: a wide halo shows where the selection is.
    ...(options.large
      ? [
          {
            selector: 'node:selected',
            style: {
              'underlay-color': SELECTED,
              'underlay-opacity': 0.6,
              'underlay-padding': 18,
              'underlay-shape': 'ellipse' as const,
            },
          },
        ]
      : []),
    { selector: 'edge:selected', style: { 'line-color': SELECTED, 'target-arrow-color': SELECTED, width: 3 } },
  ];
}
