/**
 * lookup-before-escape: an official CONSULTED a Record concerning X up to 7 days before an
 * Event involving X (INVOLVED_IN) whose outcome is 'evaded'.
 *
 * Interpretations:
 * - "Up to 7 days before": 0 to 7 days, both inclusive. When both values carry a time of day
 *   the comparison is exact (a lookup an hour after the escape does not count); when either is
 *   a plain date it is by calendar day, so a lookup on the day of the escape counts.
 * - An undated lookup or event cannot be placed in the window and is not flagged.
 * - The person must be an official at the time of the lookup.
 * - One flag per (consultation, event).
 */
import { daysAfter, isoOf } from '../dates.ts';
import { type RuleGraph } from '../RuleGraph.ts';
import { uniqueRels, type FlagDraft, type Rule } from '../rule.ts';
import { onDate } from '../wording.ts';
import { officialLookups } from './lookups.ts';

const WINDOW_DAYS = 7;

const evadedEventsOf = (graph: RuleGraph, subject: string) =>
  graph
    .out(subject, 'INVOLVED_IN')
    .filter((rel) => graph.labelOf(rel.target) === 'Event' && graph.property(rel.target, 'outcome') === 'evaded');

export const lookupBeforeEscape: Rule = {
  id: 'lookup-before-escape',
  severity: 'high',
  relTypes: ['EMPLOYED_BY', 'CONSULTED', 'CONCERNS', 'INVOLVED_IN'],
  evaluate(graph) {
    const drafts: FlagDraft[] = [];
    for (const lookup of officialLookups(graph)) {
      const lookupAt = lookup.at;
      if (lookupAt === undefined) continue;
      for (const concern of lookup.concerns) {
        for (const involved of evadedEventsOf(graph, concern.target)) {
          const eventAt = isoOf(graph.property(involved.target, 'at'));
          if (eventAt === undefined) continue;
          const gap = daysAfter(lookupAt, eventAt);
          if (gap < 0 || gap > WINDOW_DAYS) continue;
          drafts.push({
            rule: 'lookup-before-escape',
            relationships: uniqueRels([lookup.consulted, ...lookup.employments, concern, involved]),
            dates: [lookupAt, eventAt],
            summarize: (g) =>
              `${g.name(lookup.official)} (${g.name(lookup.employments[0]?.target ?? '')}) consulted ` +
              `${g.name(lookup.record)} about ${g.name(concern.target)} ${onDate(lookupAt)}, ` +
              `${Math.round(gap)} day${Math.round(gap) === 1 ? '' : 's'} before ${g.name(concern.target)} evaded ` +
              `${g.name(involved.target)} ${onDate(eventAt)}.`,
          });
        }
      }
    }
    return drafts;
  },
};
