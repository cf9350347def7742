/**
 * Red flags at scale: each rule alone through GraphQL (`redFlags(rules: [rule])`),
 * side by side with raw reads of what that rule must read: every relationship of
 * the types it reads, ends and properties (the rules run in the server over
 * those; a raw Cypher match per rule would leave out the entity reads and the
 * wording). Aim: each rule answers within the query timeout.
 */
import { RULES } from '../../server/src/redflags/rules/index.ts';
import { RULE_IDS, type RuleId } from '../../server/src/redflags/types.ts';
import type { RawStore } from './raw-store.ts';
import type { BenchServer } from './server-process.ts';
import { round, timed } from './stats.ts';
import { progress, type BenchRow } from './types.ts';

/** The server's default MAILLON_QUERY_TIMEOUT_MS (server/src/config.ts). */
const QUERY_TIMEOUT_MS = 10_000;
/** Small enough that one answer's persons stay under the read-volume rule's 200. */
const FLAG_LIMIT = 20;
const ANALYST = 'bench-redflags';
const GRAPHQL_RULE = `query Flags($rules: [String!]) {
  redFlags(rules: $rules, limit: ${FLAG_LIMIT}) { rule summary nodes { id } relationships { id } }
}`;

const scanOf = (rule: RuleId): string =>
  `MATCH (a)-[r:${RULES[rule].relTypes.join('|')}]->(b) RETURN a.id AS source, b.id AS target, r`;

export function redFlagsBench(options: { quick: boolean; people: number }) {
  const raw = new Map<RuleId, { ms: number; rows: number }>();
  const label = (rule: RuleId) => `red flag ${rule}, ${options.people.toLocaleString('en')} people`;

  return {
    async raw(store: RawStore): Promise<void> {
      for (const rule of RULE_IDS) {
        progress(`${label(rule)}: raw scan`);
        const { ms, value } = await timed(() => store.query(scanOf(rule)));
        raw.set(rule, { ms, rows: value.length });
      }
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      const token = await server.analystToken(ANALYST);
      const rows: BenchRow[] = [];
      for (const rule of RULE_IDS) {
        progress(`${label(rule)}: GraphQL`);
        await server.resetVolume(ANALYST);
        const { ms, value } = await timed(() => server.gql(GRAPHQL_RULE, { rules: [rule] }, token));
        const error = value.body.errors?.[0];
        const flags = (value.body.data?.redFlags as unknown[] | undefined)?.length ?? 0;
        const baseline = raw.get(rule);
        const ours = error ? null : round(ms);
        rows.push({
          name: label(rule),
          ours,
          baseline: baseline ? round(baseline.ms) : null,
          unit: 'ms',
          ratio: ours !== null && baseline ? ours / baseline.ms : null,
          aim: `< ${QUERY_TIMEOUT_MS / 1000} s`,
          met: ours !== null && ours < QUERY_TIMEOUT_MS,
          note:
            `redFlags(rules: ["${rule}"], limit: ${FLAG_LIMIT}) through GraphQL: ` +
            (error
              ? `error ${error.extensions?.code ?? ''} after ${round(ms)} ms: ${error.message}`
              : `${flags} flags`) +
            `; baseline: raw scan of ${RULES[rule].relTypes.join(', ')} (${baseline?.rows.toLocaleString('en') ?? '?'} relationships)`,
        });
      }
      return rows;
    },
  };
}
