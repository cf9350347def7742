/**
 * shipment-discrepancy: a Shipment whose actualKg or seizedKg exceeds the declaredKg of a
 * MONITORED relationship by more than 10 %.
 *
 * Interpretations:
 * - When the MONITORED relationship states a range (declaredKg–declaredKgMax, e.g. 180–200 kg),
 *   the comparison is with the top of the range: anything up to the maximum was announced, so
 *   only an excess beyond it is a discrepancy (360 kg against 180–200 kg: +80 %).
 * - When the MONITORED relationship carries no declaredKg, the Shipment's own declaredKg stands
 *   in for it (the agency monitored the delivery as declared); with neither, nothing to compare.
 * - "More than 10 %" is strict: exactly +10 % is not flagged.
 * - One flag per MONITORED relationship.
 */
import { isoOf } from '../dates.ts';
import { numberOf, relDate } from '../RuleGraph.ts';
import type { FlagDraft, Rule } from '../rule.ts';
import { formatKg } from '../wording.ts';

const THRESHOLD = 0.1;
/** Absorbs floating-point noise so that exactly +10 % is not flagged. */
const EPSILON = 1e-9;

export const shipmentDiscrepancy: Rule = {
  id: 'shipment-discrepancy',
  severity: 'high',
  relTypes: ['MONITORED'],
  evaluate(graph) {
    const drafts: FlagDraft[] = [];
    for (const monitored of graph.ofType('MONITORED')) {
      const shipment = monitored.target;
      const declaredMin = numberOf(monitored.properties.declaredKg) ?? numberOf(graph.property(shipment, 'declaredKg'));
      if (declaredMin === undefined || declaredMin <= 0) continue;
      const declaredMax = Math.max(declaredMin, numberOf(monitored.properties.declaredKgMax) ?? declaredMin);
      const measures = (['actualKg', 'seizedKg'] as const)
        .map((key) => ({ key, kg: numberOf(graph.property(shipment, key)) }))
        .filter((m): m is { key: 'actualKg' | 'seizedKg'; kg: number } => m.kg !== undefined);
      const worst = measures.sort((a, b) => b.kg - a.kg)[0];
      if (worst === undefined || (worst.kg - declaredMax) / declaredMax <= THRESHOLD + EPSILON) continue;
      const excess = Math.round(((worst.kg - declaredMax) / declaredMax) * 100);
      const declared = declaredMax === declaredMin ? formatKg(declaredMin) : `${declaredMin}–${formatKg(declaredMax)}`;
      const arrivedAt = isoOf(graph.property(shipment, 'arrivedAt'));
      drafts.push({
        rule: 'shipment-discrepancy',
        relationships: [monitored],
        dates: [
          relDate(monitored, 'since'),
          relDate(monitored, 'until'),
          isoOf(graph.property(shipment, 'departedAt')),
          arrivedAt,
        ],
        summarize: (g) =>
          `${g.name(monitored.source)} monitored ${g.name(shipment)}, a delivery declared at ${declared}; ` +
          `${formatKg(worst.kg)} ${worst.key === 'seizedKg' ? 'were seized' : 'arrived'}` +
          `${arrivedAt === undefined ? '' : ` (${arrivedAt.slice(0, 10)})`} (+${excess} %).`,
      });
    }
    return drafts;
  },
};
