import { sizeFor } from '../analytics/index.ts';
import type { GraphDoc } from './graph-doc.ts';
import { messages } from '../i18n/current.ts';
import { propertyName } from './property-names.ts';
import type { ViewProjection } from './view-projection.ts';

/** What node size says: nothing, links drawn, or a number of the model (MODEL.md property names). */
export const NODE_SIZE_RULES = ['none', 'degree', 'amount', 'declaredKg', 'actualKg', 'seizedKg'] as const;
export type NodeSizeRule = (typeof NODE_SIZE_RULES)[number];

/** What edge thickness says: nothing, or the amount of a PAID relationship. */
export const EDGE_WIDTH_RULES = ['none', 'amount'] as const;
export type EdgeWidthRule = (typeof EDGE_WIDTH_RULES)[number];

export interface StyleRule {
  readonly nodeSize: NodeSizeRule;
  readonly edgeWidth: EdgeWidthRule;
}

export const NO_STYLE_RULE: StyleRule = { nodeSize: 'none', edgeWidth: 'none' };

/** Per-element sizes the canvas draws over the usual look, and what they mean for the legend. */
export interface RuleStyle {
  readonly sizes: ReadonlyMap<string, number>;
  readonly widths: ReadonlyMap<string, number>;
  readonly legend: readonly string[];
}

const NODE_MIN = 20;
const NODE_MAX = 80;
const EDGE_MIN = 1.5;
const EDGE_MAX = 12;

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const range = (values: readonly number[]): string => {
  const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? fmt(lo) : `${fmt(lo)} to ${fmt(hi)}`;
};

/** The drawn edges' PAID amounts, by edge id (a re-routed edge keeps its relationship's amount). */
function paidAmounts(projection: ViewProjection, doc: GraphDoc): Map<string, { amount: number; ends: string[] }> {
  const amounts = new Map<string, { amount: number; ends: string[] }>();
  const add = (id: string, rel: { type: string; properties: Readonly<Record<string, unknown>> }, ends: string[]) => {
    const amount = numberOf(rel.properties['amount']);
    if (rel.type === 'PAID' && amount !== undefined) amounts.set(id, { amount, ends });
  };
  for (const id of projection.visible.relationships) {
    const rel = doc.relationships.get(id);
    if (rel) add(id, rel, [rel.source, rel.target]);
  }
  for (const edge of projection.edges) {
    const [rel, ...more] = edge.relationships;
    if (rel && more.length === 0) add(edge.id, rel, [edge.source, edge.target]);
  }
  return amounts;
}

function nodeValues(rule: NodeSizeRule, projection: ViewProjection, doc: GraphDoc): Map<string, number> {
  const values = new Map<string, number>();
  const drawn = [...projection.visible.nodes, ...projection.nodes.map((n) => n.id)];
  switch (rule) {
    case 'none':
      return values;
    case 'degree': {
      for (const id of drawn) values.set(id, 0);
      const ends = [
        ...[...projection.visible.relationships].flatMap((id) => {
          const rel = doc.relationships.get(id);
          return rel ? [rel.source, rel.target] : [];
        }),
        ...projection.edges.flatMap((e) => [e.source, e.target]),
      ];
      for (const id of ends) if (values.has(id)) values.set(id, (values.get(id) ?? 0) + 1);
      return values;
    }
    case 'amount': {
      for (const { amount, ends } of paidAmounts(projection, doc).values())
        for (const id of ends) values.set(id, (values.get(id) ?? 0) + amount);
      return values;
    }
    case 'declaredKg':
    case 'actualKg':
    case 'seizedKg':
      for (const id of projection.visible.nodes) {
        const value = numberOf(doc.nodes.get(id)?.properties[rule]);
        if (value !== undefined) values.set(id, value);
      }
      return values;
  }
}

/**
 * Sizes and thicknesses from the chosen rule, over what is drawn (so a group node's degree counts
 * its re-routed links). Square-root scales: area grows with the value. Elements without the value
 * keep their usual look, and the legend says so.
 */
export function ruleStyle(input: { rule: StyleRule; projection: ViewProjection; doc: GraphDoc }): RuleStyle {
  const { rule, projection, doc } = input;
  const legend: string[] = [];
  const words = messages().analystOps;
  const sizes = new Map<string, number>();
  const values = nodeValues(rule.nodeSize, projection, doc);
  if (rule.nodeSize !== 'none') {
    const largest = Math.max(0, ...values.values());
    for (const [id, value] of values) sizes.set(id, sizeFor({ value, largest, min: NODE_MIN, max: NODE_MAX }));
    const what = rule.nodeSize === 'degree' ? words.linksDrawn : displayNameOf(rule.nodeSize);
    legend.push(values.size === 0 ? words.nodeSizeNone(what) : words.nodeSizeLegend(what, range([...values.values()])));
  }
  const widths = new Map<string, number>();
  if (rule.edgeWidth === 'amount') {
    const amounts = [...paidAmounts(projection, doc)];
    const largest = Math.max(0, ...amounts.map(([, a]) => a.amount));
    for (const [id, { amount }] of amounts)
      widths.set(id, sizeFor({ value: amount, largest, min: EDGE_MIN, max: EDGE_MAX }));
    legend.push(amounts.length === 0 ? words.edgeNone : words.edgeLegend(range(amounts.map(([, a]) => a.amount))));
  }
  return { sizes, widths, legend };
}

function displayNameOf(property: string): string {
  if (property === 'amount') return 'amount paid or received (PAID)';
  return propertyName(property).toLowerCase();
}
