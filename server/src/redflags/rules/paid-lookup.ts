/**
 * paid-lookup: an official CONSULTED a Record that CONCERNS X, and X, or an Organization X is
 * MEMBER_OF, PAID that official.
 *
 * Interpretations:
 * - The person must be an official at the time of the lookup (see roles.ts for undated ones).
 * - The payment may come before or after the lookup, at any distance: the model sets no
 *   window, and sold lookups are paid both ways (in advance, or on delivery).
 * - Membership counts whatever its period.
 * - One flag per consultation, with every qualifying payment as evidence.
 */
import type { RelationshipRecord } from '../../model/records.ts';
import { relDate, type RuleGraph } from '../RuleGraph.ts';
import { uniqueRels, type FlagDraft, type Rule } from '../rule.ts';
import { onDate, paymentAmount } from '../wording.ts';
import { officialLookups } from './lookups.ts';

/** Payments to `official` from X itself or from an organization X is a member of. */
function paymentsFrom(graph: RuleGraph, subject: string, official: string): RelationshipRecord[] {
  const direct = graph.out(subject, 'PAID').filter((rel) => rel.target === official);
  const viaOrganizations = graph.out(subject, 'MEMBER_OF').flatMap((membership) => {
    const paid = graph.out(membership.target, 'PAID').filter((rel) => rel.target === official);
    return paid.length === 0 ? [] : [membership, ...paid];
  });
  return [...direct, ...viaOrganizations];
}

export const paidLookup: Rule = {
  id: 'paid-lookup',
  severity: 'high',
  relTypes: ['EMPLOYED_BY', 'CONSULTED', 'CONCERNS', 'PAID', 'MEMBER_OF'],
  evaluate(graph) {
    const drafts: FlagDraft[] = [];
    for (const lookup of officialLookups(graph)) {
      const evidence = lookup.concerns.flatMap((concerns) => {
        const payments = paymentsFrom(graph, concerns.target, lookup.official);
        return payments.length === 0 ? [] : [concerns, ...payments];
      });
      const payments = evidence.filter((rel) => rel.type === 'PAID');
      if (payments.length === 0) continue;
      const subject = evidence[0]?.target ?? '';
      drafts.push({
        rule: 'paid-lookup',
        relationships: uniqueRels([lookup.consulted, ...lookup.employments, ...evidence]),
        dates: [lookup.at, ...payments.map((rel) => relDate(rel, 'at'))],
        summarize: (g) =>
          `${g.name(lookup.official)} (${g.name(lookup.employments[0]?.target ?? '')}) consulted ${g.name(lookup.record)} ` +
          `about ${g.name(subject)} ${onDate(lookup.at)} and was allegedly paid by ` +
          payments
            .map((rel) => `${g.name(rel.source)} (${paymentAmount(rel.properties)} ${onDate(relDate(rel, 'at'))})`)
            .join(', ') +
          '.',
      });
    }
    return drafts;
  },
};
