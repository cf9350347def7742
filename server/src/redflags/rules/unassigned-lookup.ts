/**
 * unassigned-lookup: an official CONSULTED a Record that CONCERNS a subject of a Case, without
 * being ASSIGNED_TO that Case at that time.
 *
 * Interpretations:
 * - "A subject" is any SUBJECT_OF status (a witness's file is as sensitive as a suspect's).
 * - When the subject is in several cases, an assignment to any of them at the time of the
 *   lookup explains it: only a lookup outside every one of them is flagged.
 * - "At that time": the assignment's since/until covers the lookup's date (ends inclusive).
 *   An undated lookup is explained by an assignment at any time (it cannot be shown to fall
 *   outside), and the consulting person must have some employment (roles.ts).
 * - One flag per consultation.
 */
import type { RelationshipRecord } from '../../model/records.ts';
import { periodCovers } from '../dates.ts';
import { relDate, type RuleGraph } from '../RuleGraph.ts';
import { uniqueRels, type FlagDraft, type Rule } from '../rule.ts';
import { onDate } from '../wording.ts';
import { officialLookups } from './lookups.ts';

function assignedAt(graph: RuleGraph, official: string, caseId: string, at: string | undefined): boolean {
  return graph
    .out(official, 'ASSIGNED_TO')
    .some(
      (rel) =>
        rel.target === caseId &&
        (at === undefined || periodCovers({ since: relDate(rel, 'since'), until: relDate(rel, 'until') }, at)),
    );
}

export const unassignedLookup: Rule = {
  id: 'unassigned-lookup',
  severity: 'low',
  relTypes: ['EMPLOYED_BY', 'CONSULTED', 'CONCERNS', 'SUBJECT_OF', 'ASSIGNED_TO'],
  evaluate(graph) {
    const drafts: FlagDraft[] = [];
    for (const lookup of officialLookups(graph)) {
      const subjects: RelationshipRecord[] = [];
      const concerns: RelationshipRecord[] = [];
      for (const concern of lookup.concerns) {
        const cases = graph.out(concern.target, 'SUBJECT_OF');
        if (cases.length === 0) continue;
        concerns.push(concern);
        subjects.push(...cases);
      }
      if (subjects.length === 0) continue;
      if (subjects.some((rel) => assignedAt(graph, lookup.official, rel.target, lookup.at))) continue;
      const first = subjects[0] as RelationshipRecord;
      drafts.push({
        rule: 'unassigned-lookup',
        relationships: uniqueRels([lookup.consulted, ...lookup.employments, ...concerns, ...subjects]),
        dates: [lookup.at],
        summarize: (g) =>
          `${g.name(lookup.official)} (${g.name(lookup.employments[0]?.target ?? '')}) consulted ${g.name(lookup.record)} ` +
          `about ${g.name(first.source)}, ${String(first.properties.status ?? 'a subject')} in ` +
          `${subjects.map((rel) => g.name(rel.target)).join(', ')}, ${onDate(lookup.at)} without being assigned to ` +
          `${subjects.length > 1 ? 'any of these cases' : 'the case'} at that time.`,
      });
    }
    return drafts;
  },
};
