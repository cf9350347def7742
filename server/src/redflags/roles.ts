/**
 * The two roles MODEL.md defines and every rule relies on.
 *
 * "official": a Person with an EMPLOYED_BY relationship to an Agency whose since/until
 * period covers the time in question (ends inclusive, open ends unbounded).
 * Interpretation: when the fact in question has no date, the person counts as an official
 * if any employment is recorded at all, whatever its period: we cannot exclude that it
 * covered the fact, and a red flag is a prompt to check, not a finding.
 *
 * "criminal": a Person who is MEMBER_OF an Organization of kind criminal, or SUBJECT_OF a
 * Case as suspect, indicted or convicted. Interpretation: membership counts whatever its
 * period (the model puts no time on this definition), and the status is an allegation
 * unless convicted, which summaries say.
 */
import type { RelationshipRecord } from '../model/records.ts';
import { periodCovers, periodsOverlap, type Period } from './dates.ts';
import { relDate, type RuleGraph } from './RuleGraph.ts';

const INCRIMINATING_STATUSES: ReadonlySet<unknown> = new Set(['suspect', 'indicted', 'convicted']);

const periodOf = (rel: RelationshipRecord): Period => ({ since: relDate(rel, 'since'), until: relDate(rel, 'until') });

/** The employments that make the person an official at `when` (any employment when undated). */
export function employmentsAt(graph: RuleGraph, personId: string, when: string | undefined): RelationshipRecord[] {
  if (graph.labelOf(personId) !== 'Person') return [];
  const jobs = graph.out(personId, 'EMPLOYED_BY');
  return when === undefined ? [...jobs] : jobs.filter((job) => periodCovers(periodOf(job), when));
}

/** The employments overlapping a period (for facts that are states, with since/until). */
function employmentsDuring(graph: RuleGraph, personId: string, period: Period): RelationshipRecord[] {
  if (graph.labelOf(personId) !== 'Person') return [];
  return graph.out(personId, 'EMPLOYED_BY').filter((job) => periodsOverlap(periodOf(job), period));
}

/**
 * The employments that make the person an official at the time of a relationship: its `at`
 * for one-off facts, its since/until period for states, any employment when it is undated.
 */
export function employmentsAtTimeOf(graph: RuleGraph, personId: string, rel: RelationshipRecord): RelationshipRecord[] {
  const at = relDate(rel, 'at');
  if (at !== undefined) return employmentsAt(graph, personId, at);
  const period = periodOf(rel);
  if (period.since !== undefined || period.until !== undefined) return employmentsDuring(graph, personId, period);
  return employmentsAt(graph, personId, undefined);
}

/** The relationships that make the person a criminal; empty when the person is not one. */
export function criminalGrounds(graph: RuleGraph, personId: string): RelationshipRecord[] {
  if (graph.labelOf(personId) !== 'Person') return [];
  const memberships = graph
    .out(personId, 'MEMBER_OF')
    .filter((rel) => graph.labelOf(rel.target) === 'Organization' && graph.property(rel.target, 'kind') === 'criminal');
  const cases = graph.out(personId, 'SUBJECT_OF').filter((rel) => INCRIMINATING_STATUSES.has(rel.properties.status));
  return [...memberships, ...cases];
}

/** How a summary should describe the person's criminal standing, worded as an allegation. */
export function criminalStanding(graph: RuleGraph, grounds: readonly RelationshipRecord[]): string {
  const statuses = grounds.filter((rel) => rel.type === 'SUBJECT_OF').map((rel) => String(rel.properties.status));
  if (statuses.includes('convicted')) return 'convicted';
  if (statuses.includes('indicted')) return 'indicted';
  const membership = grounds.find((rel) => rel.type === 'MEMBER_OF');
  if (membership !== undefined) return `alleged member of ${graph.name(membership.target)}`;
  return 'suspect';
}
