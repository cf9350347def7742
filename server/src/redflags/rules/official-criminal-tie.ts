/**
 * official-criminal-tie: an official within 2 hops of a criminal through ASSOCIATE_OF,
 * FAMILY_OF or PAID (either direction), where the official is not ASSIGNED_TO a case the
 * criminal is SUBJECT_OF.
 *
 * Interpretations:
 * - Hops follow only those three types; the middle node may be anyone (a relative, a front
 *   company that paid both). The criminal is a Person (MODEL.md's definition).
 * - "The time in question" is the dates on the path: a payment's `at`, a relationship's
 *   since/until. The person must be an official at one of them (a payment made after the
 *   employment ended does not count). An undated path counts any recorded employment.
 * - The exclusion holds for an assignment at any time and for any SUBJECT_OF status: being
 *   on the case explains contact with its subjects, whenever it was.
 * - One flag per (official, criminal) pair, with the shortest qualifying path as evidence,
 *   plus the employment and the grounds that make each one an official and a criminal.
 */
import type { RelType } from '../../model/index.ts';
import type { RelationshipRecord } from '../../model/records.ts';
import { relDate, type RuleGraph } from '../RuleGraph.ts';
import { criminalGrounds, criminalStanding, employmentsAtTimeOf } from '../roles.ts';
import { uniqueRels, type FlagDraft, type Rule } from '../rule.ts';

const TIE_TYPES: readonly RelType[] = ['ASSOCIATE_OF', 'FAMILY_OF', 'PAID'];

type Path = readonly RelationshipRecord[];

/** Every path of one or two tie relationships from the official, with the node it reaches. */
function pathsFrom(graph: RuleGraph, start: string): Array<{ path: Path; end: string }> {
  const result: Array<{ path: Path; end: string }> = [];
  for (const type of TIE_TYPES) {
    for (const first of graph.both(start, type)) {
      if (first.other === start) continue;
      result.push({ path: [first.rel], end: first.other });
      for (const secondType of TIE_TYPES) {
        for (const second of graph.both(first.other, secondType)) {
          if (second.other === start || second.rel.id === first.rel.id) continue;
          result.push({ path: [first.rel, second.rel], end: second.other });
        }
      }
    }
  }
  return result.sort((a, b) => a.path.length - b.path.length);
}

/** Employments that make the person an official at a dated fact of the path (any, if none is dated). */
function employmentsForPath(graph: RuleGraph, official: string, path: Path): RelationshipRecord[] {
  const dated = path.filter(
    (rel) => (relDate(rel, 'at') ?? relDate(rel, 'since') ?? relDate(rel, 'until')) !== undefined,
  );
  if (dated.length === 0) return employmentsAtTimeOf(graph, official, path[0] as RelationshipRecord);
  return uniqueRels(dated.flatMap((rel) => employmentsAtTimeOf(graph, official, rel)));
}

function casesOf(graph: RuleGraph, person: string, type: 'ASSIGNED_TO' | 'SUBJECT_OF'): Set<string> {
  return new Set(graph.out(person, type).map((rel) => rel.target));
}

function describeHop(graph: RuleGraph, rel: RelationshipRecord): string {
  const [from, to] = [graph.name(rel.source), graph.name(rel.target)];
  const at = relDate(rel, 'at');
  switch (rel.type) {
    case 'PAID':
      return `${from} paid ${to}${at === undefined ? '' : ` on ${at.slice(0, 10)}`}`;
    case 'FAMILY_OF':
      return `${from} is family of ${to}`;
    default:
      return `${from} is an associate of ${to}`;
  }
}

export const officialCriminalTie: Rule = {
  id: 'official-criminal-tie',
  severity: 'medium',
  relTypes: ['EMPLOYED_BY', 'MEMBER_OF', 'SUBJECT_OF', 'ASSIGNED_TO', ...TIE_TYPES],
  evaluate(graph) {
    const drafts: FlagDraft[] = [];
    const officials = new Set(graph.ofType('EMPLOYED_BY').map((rel) => rel.source));
    for (const official of officials) {
      const assigned = casesOf(graph, official, 'ASSIGNED_TO');
      const flagged = new Set<string>();
      for (const { path, end } of pathsFrom(graph, official)) {
        if (end === official || flagged.has(end)) continue;
        const grounds = criminalGrounds(graph, end);
        if (grounds.length === 0) continue;
        if ([...casesOf(graph, end, 'SUBJECT_OF')].some((c) => assigned.has(c))) continue;
        const jobs = employmentsForPath(graph, official, path);
        if (jobs.length === 0) continue;
        flagged.add(end);
        drafts.push({
          rule: 'official-criminal-tie',
          relationships: uniqueRels([...jobs, ...path, ...grounds]),
          dates: path.flatMap((rel) => [relDate(rel, 'at'), relDate(rel, 'since'), relDate(rel, 'until')]),
          summarize: (g) =>
            `${g.name(official)}, employed by ${g.name(jobs[0]?.target ?? '')}, is ${path.length} hop${path.length > 1 ? 's' : ''} ` +
            `from ${g.name(end)} (${criminalStanding(g, grounds)}): ${path.map((rel) => describeHop(g, rel)).join('; ')}.`,
        });
      }
    }
    return drafts;
  },
};
