/**
 * Red flags at scale. The server keeps them computed in the background (server/src/redflags/
 * RedFlagBook.ts) and answers from its last complete computation; per rule this prints the
 * answer's time (`redFlags(rules: [rule])`, p50 and p95 of repeated requests) beside the raw
 * reads of what that rule must read (every relationship of its types, ends and properties: what
 * an answer computed per request used to cost at least), and one row for the background
 * computation itself beside the sum of those raw reads. Aim: each answer within the query timeout.
 */
import { RULES } from '../../server/src/redflags/rules/index.ts';
import { RULE_IDS, type RuleId } from '../../server/src/redflags/types.ts';
import type { RawStore } from './raw-store.ts';
import type { BenchServer } from './server-process.ts';
import { percentile, round, timed } from './stats.ts';
import { progress, type BenchRow } from './types.ts';

/** The server's default MAILLON_QUERY_TIMEOUT_MS (server/src/config.ts). */
const QUERY_TIMEOUT_MS = 10_000;
/** Small enough that one answer's persons stay under the read-volume rule's 200. */
const FLAG_LIMIT = 20;
const ANALYST = 'bench-redflags';
const GRAPHQL_RULE = `query Flags($rules: [String!]) {
  redFlags(rules: $rules, limit: ${FLAG_LIMIT}) { rule summary nodes { id } relationships { id } }
}`;
const STATUS = '{ redFlagStatus { computedAt computationMs computing scannedRelationships { relationships } } }';
/** A background computation that has not ended after this long is reported as not measured. */
const BOOK_PATIENCE_MS = 60 * 60_000;

const scanOf = (rule: RuleId): string =>
  `MATCH (a)-[r:${RULES[rule].relTypes.join('|')}]->(b) RETURN a.id AS source, b.id AS target, r`;

interface BookStatus {
  computedAt: string | null;
  computationMs: number | null;
  computing: boolean;
  scannedRelationships: Array<{ relationships: number }>;
}

/**
 * The analyst's page of the book once its first computation has ended (it starts with the server),
 * and how long each status request took while it ran: the API's event loop shares the process.
 */
async function bookReady(
  server: BenchServer,
  token: string,
): Promise<{ status: BookStatus; whileComputing: number[] }> {
  const started = Date.now();
  const whileComputing: number[] = [];
  for (let asked = 0; ; asked++) {
    const { ms, value: answer } = await timed(() => server.gql(STATUS, {}, token));
    const status = answer.body.data?.redFlagStatus as BookStatus | undefined;
    if (!status) throw new Error(`redFlagStatus: ${JSON.stringify(answer.body.errors)}`);
    if (status.computedAt !== null) return { status, whileComputing };
    whileComputing.push(ms);
    if (Date.now() - started > BOOK_PATIENCE_MS) throw new Error('the red-flag book was not computed after an hour');
    if (asked % 10 === 0) progress(`waiting for the red-flag book (${Math.round((Date.now() - started) / 1000)} s)`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export function redFlagsBench(options: { quick: boolean; people: number }) {
  const raw = new Map<RuleId, { ms: number; rows: number }>();
  const people = options.people.toLocaleString('en');
  const label = (rule: RuleId) => `red flag ${rule}, ${people} people`;
  const repeats = options.quick ? 5 : 20;

  async function ruleRow(server: BenchServer, token: string, rule: RuleId): Promise<BenchRow> {
    progress(`${label(rule)}: ${repeats} answers from the book`);
    await server.resetVolume(ANALYST);
    const times: number[] = [];
    let flags = 0;
    let error: { message: string; extensions?: { code?: string } } | undefined;
    for (let i = 0; i < repeats && !error; i++) {
      const { ms, value } = await timed(() => server.gql(GRAPHQL_RULE, { rules: [rule] }, token));
      error = value.body.errors?.[0];
      flags = (value.body.data?.redFlags as unknown[] | undefined)?.length ?? 0;
      times.push(ms);
    }
    const baseline = raw.get(rule);
    const p95 = error ? null : round(percentile(times, 95));
    return {
      name: label(rule),
      ours: p95,
      baseline: baseline ? round(baseline.ms) : null,
      unit: 'ms',
      ratio: p95 !== null && baseline ? p95 / baseline.ms : null,
      aim: `< ${QUERY_TIMEOUT_MS / 1000} s`,
      met: p95 !== null && p95 < QUERY_TIMEOUT_MS,
      note:
        `redFlags(rules: ["${rule}"], limit: ${FLAG_LIMIT}) from the book, p95 of ${repeats}` +
        (error
          ? `: error ${error.extensions?.code ?? ''}: ${error.message}`
          : ` (p50 ${round(percentile(times, 50))} ms), ${flags} flags`) +
        `; baseline: raw scan of ${RULES[rule].relTypes.join(', ')} (${baseline?.rows.toLocaleString('en') ?? '?'} relationships)`,
    };
  }

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
      const { status: book, whileComputing } = await bookReady(server, token);
      const idle: number[] = [];
      for (let i = 0; i < repeats; i++) idle.push((await timed(() => server.gql(STATUS, {}, token))).ms);
      const rawSum = [...raw.values()].reduce((sum, r) => sum + r.ms, 0);
      const read = book.scannedRelationships.reduce((sum, s) => sum + s.relationships, 0);
      const rows: BenchRow[] = [
        {
          name: `red-flag background computation, ${people} people`,
          ours: book.computationMs,
          baseline: round(rawSum),
          unit: 'ms',
          ratio: book.computationMs !== null && rawSum > 0 ? book.computationMs / rawSum : null,
          aim: 'completes',
          met: book.computationMs !== null,
          note:
            `every rule at once for the uncleared page, begun at the server's start (beside its adjacency snapshot build): ` +
            `${read.toLocaleString('en')} relationships read; baseline: the sum of the per-rule raw scans`,
        },
      ];
      rows.push(responsiveness(people, whileComputing, idle));
      for (const rule of RULE_IDS) rows.push(await ruleRow(server, token, rule));
      return rows;
    },
  };
}

/** The event loop while the book computes: a small request's p95 then, beside the same request after. */
function responsiveness(people: string, whileComputing: readonly number[], idle: readonly number[]): BenchRow {
  const during = whileComputing.length > 0 ? round(percentile(whileComputing, 95)) : null;
  const after = round(percentile(idle, 95));
  return {
    name: `redFlagStatus while the book computes, ${people} people`,
    ours: during,
    baseline: after,
    unit: 'ms',
    ratio: during !== null && after > 0 ? during / after : null,
    aim: `< ${QUERY_TIMEOUT_MS / 1000} s`,
    met: during === null ? null : during < QUERY_TIMEOUT_MS,
    note:
      `p95 of ${whileComputing.length} requests made while the first computation ran ` +
      `(max ${whileComputing.length > 0 ? round(Math.max(...whileComputing)) : '-'} ms); baseline: the same request after it, p95 of ${idle.length}`,
  };
}
