/**
 * The reads the differential test asks of both stores, each reduced to what an answer means
 * (ids, order where the API promises one, counts), with generated relationship ids canonical.
 */
import { findRedFlags } from '../../server/src/redflags/index.ts';
import type { RelationshipRecord } from '../../server/src/model/records.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import type { ReadScope, TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { canonicalRelId } from '../support/canonical-graph.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const META: TxMeta = { user: 'differential', operation: 'differential' };
const CLEARED: ReadScope = { hiddenRelTypes: [] };
const UNCLEARED: ReadScope = { hiddenRelTypes: ['IDENTIFIES_AS'] };

/**
 * Accents, case, prefixes and aliases of the demo data and the fixtures, besides what each graph
 * names; French names of the demo's agencies, the typos and the description word of issue 15.
 */
export const FIXED_QUERIES = [
  ...['mimo', 'herve', 'HERVÉ', 'hervé', 'marseille', 'lulu', 'fér', 'ofast', 'djeha', 'port'],
  ...['douane', 'police aux frontieres', 'office anti-stupéfiants', 'administration penitentiaire'],
  ...['djeah', 'mimmo', 'reservist', 'locksmith', 'herve revelations', 'kilos cocaine', 'le monde'],
];

const rel = (r: RelationshipRecord): string => `${r.type} ${r.source}->${r.target} ${canonicalRelId(r.id)}`;
const sorted = (values: readonly string[]): string[] => [...values].sort();

export interface ReadPlan {
  /** Entity ids to start neighbourhoods and paths from. */
  readonly ids: readonly string[];
  readonly queries: readonly string[];
}

/** Queries drawn from a graph listing: each of the first names in full, as a prefix, and its first alias. */
export function planFrom(lines: readonly string[]): ReadPlan {
  const nodes = lines.filter((l) => l.startsWith('N ')).slice(0, 8);
  const ids = nodes.map((l) => l.split(' ')[2] ?? '');
  const queries = new Set(FIXED_QUERIES);
  for (const line of nodes) {
    const props = JSON.parse(line.split(' ').slice(3).join(' ')) as Array<[string, [string, unknown]]>;
    const name = props.find(([k]) => k === 'name')?.[1][1];
    if (typeof name === 'string') [name, name.slice(0, 4)].forEach((q) => queries.add(q));
    const aliases = props.find(([k]) => k === 'aliases')?.[1][1];
    const alias = Array.isArray(aliases) ? (aliases[0] as [string, unknown] | undefined)?.[1] : undefined;
    if (typeof alias === 'string') queries.add(alias);
  }
  return { ids, queries: [...queries] };
}

/** Every read of the plan, as [what was asked, what it answered] pairs in a fixed order. */
export async function readAll(store: GraphStore, plan: ReadPlan): Promise<Array<[string, unknown]>> {
  const answers: Array<[string, unknown]> = [];
  const stats = async (scope: ReadScope): Promise<unknown> => {
    const s = await store.stats(scope, META);
    return {
      byLabel: sorted(s.byLabel.map((b) => `${b.label}=${b.count}`)),
      byType: sorted(s.byType.map((b) => `${b.type}=${b.count}`)),
    };
  };
  answers.push(['countNodes', await store.countNodes()]);
  answers.push(['stats cleared', await stats(CLEARED)]);
  answers.push(['stats uncleared', await stats(UNCLEARED)]);
  for (const text of plan.queries) {
    const hits = await store.search({ text, limit: 10 }, META);
    // Ids with their scores: the same nodes in the same tiers (names above descriptions).
    answers.push([`search "${text}"`, hits.map((h) => [h.entity.id, h.score])]);
  }
  for (const id of plan.ids) {
    for (const [depth, perNodeLimit, limit] of [
      [1, 50, 200],
      [2, 3, 25],
    ] as const) {
      for (const [scopeName, scope] of [
        ['cleared', CLEARED],
        ['uncleared', UNCLEARED],
      ] as const) {
        const g = await store.neighbourhood({ seeds: [id], depth, perNodeLimit, limit }, scope, META);
        answers.push([
          `neighbourhood ${id} depth ${depth} cap ${perNodeLimit}/${limit} ${scopeName}`,
          {
            nodes: sorted(g.nodes.map((n) => n.id)),
            relationships: sorted(g.relationships.map(rel)),
            truncated: g.truncated,
            omitted: sorted(g.omitted.map((o) => `${o.id}=${o.count}`)),
          },
        ]);
      }
    }
  }
  for (const from of plan.ids.slice(0, 4)) {
    for (const to of plan.ids.slice(0, 4)) {
      if (from >= to) continue;
      const answer = await store.shortestPaths({ from, to, maxLength: 6, limit: 20 }, CLEARED, META);
      const paths = answer.kind === 'paths' ? answer.paths : [];
      answers.push([
        `paths ${from} -> ${to}`,
        {
          kind: answer.kind,
          lengths: paths.map((p) => p.relationships.length),
          paths: sorted(paths.map((p) => p.nodes.map((n) => n.id).join(' > '))),
        },
      ]);
    }
  }
  for (const [scopeName, scope] of [
    ['cleared', CLEARED],
    ['uncleared', UNCLEARED],
  ] as const) {
    const flags = await findRedFlags({ logger: quietLogger, store, scope, meta: META }, { limit: 10_000 });
    answers.push([
      `redFlags ${scopeName}`,
      sorted(flags.map((f) => `${f.rule} ${f.severity} ${f.summary} [${sorted(f.nodes.map((n) => n.id)).join(',')}]`)),
    ]);
  }
  return answers;
}
