import { isNodeLabel, type NodeLabel } from '../shared-model.ts';

/** Cytoscape node shapes used here (kept as strings so this module stays free of cytoscape). */
export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'hexagon'
  | 'diamond'
  | 'barrel'
  | 'octagon'
  | 'triangle'
  | 'rectangle'
  | 'star'
  | 'tag';

export interface LabelStyle {
  readonly color: string;
  readonly shape: NodeShape;
}

/** Colour and shape per label; typed by NodeLabel so a label added to the model must be styled. */
export const LABEL_STYLES: Readonly<Record<NodeLabel, LabelStyle>> = {
  Person: { color: '#2f6fb3', shape: 'ellipse' },
  Organization: { color: '#c0392b', shape: 'round-rectangle' },
  Agency: { color: '#1e8449', shape: 'hexagon' },
  Informant: { color: '#7d3c98', shape: 'star' },
  Shipment: { color: '#d68910', shape: 'barrel' },
  Case: { color: '#566573', shape: 'octagon' },
  Location: { color: '#17a589', shape: 'triangle' },
  Record: { color: '#a04000', shape: 'rectangle' },
  Event: { color: '#b7950b', shape: 'diamond' },
  Document: { color: '#7f8c8d', shape: 'tag' },
};

const UNKNOWN_LABEL: LabelStyle = { color: '#95a5a6', shape: 'ellipse' };

export const styleForLabel = (label: string): LabelStyle => (isNodeLabel(label) ? LABEL_STYLES[label] : UNKNOWN_LABEL);
