import { sizeFor, type Measure, type ViewAnalytics, type ViewGraph } from '../analytics/index.ts';
import type { Visible } from './filters.ts';
import type { GraphDoc } from './graph-doc.ts';

export type SizeBy = 'none' | Measure;

/** Per-node overrides the canvas draws on top of the usual look; absent ids keep it. */
export interface AnalysisStyle {
  readonly sizes: ReadonlyMap<string, number>;
  readonly colours: ReadonlyMap<string, string>;
}

/** Distinct colours for the largest communities; smaller ones share the last, neutral grey. */
export const COMMUNITY_COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
] as const;

const SMALLEST = 20;
const LARGEST = 70;

/** What the analytics read: the nodes and relationships the user sees (filters and hidden nodes applied). */
export function viewGraphOf(doc: GraphDoc, visible: Visible): ViewGraph {
  const nodes = [...visible.nodes].map((id) => ({ id }));
  const edges = [...visible.relationships].flatMap((id) => {
    const rel = doc.relationships.get(id);
    return rel ? [{ source: rel.source, target: rel.target }] : [];
  });
  return { nodes, edges };
}

export function communityColour(community: number): string {
  return COMMUNITY_COLOURS[Math.min(community, COMMUNITY_COLOURS.length - 1)] ?? '#7f7f7f';
}

/** Node sizes from one measure (relative to the largest on screen) and colours from communities. */
export function analysisStyle(input: {
  analytics: ViewAnalytics;
  sizeBy: SizeBy;
  colourByCommunity: boolean;
}): AnalysisStyle {
  const { analytics, sizeBy } = input;
  const sizes = new Map<string, number>();
  if (sizeBy !== 'none') {
    const values = Object.entries(analytics.measures).map(([id, m]) => [id, m[sizeBy]] as const);
    const largest = Math.max(0, ...values.map(([, v]) => v));
    for (const [id, value] of values) sizes.set(id, sizeFor({ value, largest, min: SMALLEST, max: LARGEST }));
  }
  const colours = new Map<string, string>();
  if (input.colourByCommunity) {
    for (const [id, community] of Object.entries(analytics.communities.communityOf)) {
      colours.set(id, communityColour(community));
    }
  }
  return { sizes, colours };
}
