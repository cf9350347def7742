/**
 * informant-paid-in-kind: a PAID relationship with method drugs to an Informant, or to the
 * Person an Informant IDENTIFIES_AS.
 *
 * Interpretations and scope:
 * - IDENTIFIES_AS is restricted. For a user without informant clearance the store does not
 *   return it, so only payments to the Informant node itself are found, and no flag uses,
 *   names or hints at the identity link (no inference from other facts either).
 * - One flag per payment.
 */
import type { RelationshipRecord } from '../../model/records.ts';
import { relDate } from '../RuleGraph.ts';
import type { FlagDraft, Rule } from '../rule.ts';
import { formatKg, onDate } from '../wording.ts';
import { numberOf } from '../RuleGraph.ts';

/** "informant CASTOR", but not "informant Informant M-1". */
const asInformant = (name: string): string => (/^informant\b/i.test(name) ? name : `informant ${name}`);

/** "5 kg of drugs" when the kilos are known, else "in drugs". */
function inKind(properties: Readonly<Record<string, unknown>>): string {
  const kg = numberOf(properties.kg);
  return kg === undefined ? 'in drugs' : `${formatKg(kg)} of drugs`;
}

export const informantPaidInKind: Rule = {
  id: 'informant-paid-in-kind',
  severity: 'high',
  relTypes: ['PAID', 'IDENTIFIES_AS'],
  evaluate(graph) {
    const drafts: FlagDraft[] = [];
    for (const paid of graph.ofType('PAID')) {
      if (paid.properties.method !== 'drugs') continue;
      const at = relDate(paid, 'at');
      const toInformant = graph.labelOf(paid.target) === 'Informant';
      const identities: readonly RelationshipRecord[] = toInformant ? [] : graph.in(paid.target, 'IDENTIFIES_AS');
      if (!toInformant && identities.length === 0) continue;
      const informant = toInformant ? paid.target : (identities[0] as RelationshipRecord).source;
      drafts.push({
        rule: 'informant-paid-in-kind',
        relationships: [paid, ...identities],
        dates: [at],
        summarize: (g) => {
          const payee = toInformant
            ? asInformant(g.name(informant))
            : `${g.name(paid.target)}, who is ${asInformant(g.name(informant))},`;
          return `${g.name(paid.source)} allegedly paid ${payee} ${inKind(paid.properties)} ${onDate(at)}.`;
        },
      });
    }
    return drafts;
  },
};
