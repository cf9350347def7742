/**
 * intimidation-of-official: a THREATENED relationship to an official or to a FAMILY_OF relative
 * of an official.
 *
 * Interpretations:
 * - The target, or the relative, must be an official at the time of the threat (an undated
 *   threat counts any recorded employment, see roles.ts): a threat against a former official
 *   after the employment ended is not flagged.
 * - FAMILY_OF counts in either direction.
 * - One flag per threat; when the target is both an official and an official's relative, the
 *   direct threat is what the flag shows.
 */
import type { RelationshipRecord } from '../../model/records.ts';
import { relDate } from '../RuleGraph.ts';
import { employmentsAtTimeOf } from '../roles.ts';
import { uniqueRels, type FlagDraft, type Rule } from '../rule.ts';
import { onDate } from '../wording.ts';

export const intimidationOfOfficial: Rule = {
  id: 'intimidation-of-official',
  severity: 'medium',
  relTypes: ['THREATENED', 'EMPLOYED_BY', 'FAMILY_OF'],
  evaluate(graph) {
    const drafts: FlagDraft[] = [];
    for (const threat of graph.ofType('THREATENED')) {
      const at = relDate(threat, 'at');
      const means = typeof threat.properties.means === 'string' ? ` (${threat.properties.means})` : '';
      const direct = employmentsAtTimeOf(graph, threat.target, threat);
      if (direct.length > 0) {
        drafts.push({
          rule: 'intimidation-of-official',
          relationships: uniqueRels([threat, ...direct]),
          dates: [at],
          summarize: (g) =>
            `${g.name(threat.source)} allegedly threatened ${g.name(threat.target)} (${g.name(direct[0]?.target ?? '')}) ` +
            `${onDate(at)}${means}.`,
        });
        continue;
      }
      const viaFamily: RelationshipRecord[] = [];
      let official: string | undefined;
      for (const { rel, other } of graph.both(threat.target, 'FAMILY_OF')) {
        const jobs = employmentsAtTimeOf(graph, other, threat);
        if (jobs.length === 0 || other === threat.source) continue;
        official ??= other;
        viaFamily.push(rel, ...jobs);
      }
      if (official === undefined) continue;
      const relative = official;
      drafts.push({
        rule: 'intimidation-of-official',
        relationships: uniqueRels([threat, ...viaFamily]),
        dates: [at],
        summarize: (g) =>
          `${g.name(threat.source)} allegedly threatened ${g.name(threat.target)}, a relative of ` +
          `${g.name(relative)} (${g.name(viaFamily[1]?.target ?? '')}), ${onDate(at)}${means}.`,
      });
    }
    return drafts;
  },
};
