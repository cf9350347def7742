/**
 * Figure 8 (issue 11): entity lookups through GraphQL while a long import runs
 * through the same server. Paced readers (one `entity(id)` at a time each, every
 * READ_PAUSE_MS, each of a person nobody read before, so no record is served from
 * the store's cache) are timed first with nothing else running, then while an
 * admin's `importCypher` loads a generated network (its own ids, so it adds to
 * the dataset rather than colliding with it). The aim: p95 during the import at
 * most twice p95 without it, no error answer (a 503 DB_UNAVAILABLE or
 * AUDIT_UNAVAILABLE is what the issue saw: reads queued behind the import's
 * transaction until the store process was killed), the import committed, and the
 * store process the same one before and after.
 */
import os from 'node:os';
import { prefixedNetwork } from '../integration/import-generate.ts';
import { allPersons, type PersonRow, type RawStore } from './raw-store.ts';
import { storeProcess } from './crash.bench.ts';
import type { BenchServer } from './server-process.ts';
import { percentile, round, seededRandom, timed } from './stats.ts';
import { atMost, progress, ratioRow, type BenchRow } from './types.ts';

const READERS = 3;
const READ_PAUSE_MS = 100;
/**
 * Every lookup is of a person the server has not been asked for yet (no record cached beside its
 * snapshot): an analyst reads this many distinct persons, under the insider rule's 200 an hour,
 * then the reader goes on as the next analyst.
 */
const PERSONS_PER_ANALYST = 150;
const ANALYSTS = 30;
const LOOKUP = 'query Lookup($id: ID!) { entity(id: $id) { id label name properties sources } }';
const IMPORT = `mutation($s: String!) {
  importCypher(script: $s) { ok statements nodesCreated relationshipsCreated errors { statement message } }
}`;

interface Samples {
  readonly ms: number[];
  readonly errors: Record<string, number>;
}

/** Hands out (analyst, person) pairs: each person once, each analyst PERSONS_PER_ANALYST times. */
class Lookups {
  private next = 0;

  constructor(
    private readonly tokens: readonly string[],
    private readonly persons: readonly PersonRow[],
  ) {}

  take(): { token: string; person: PersonRow } | undefined {
    const n = this.next++;
    const token = this.tokens[Math.floor(n / PERSONS_PER_ANALYST)];
    const person = this.persons[n];
    return token === undefined || person === undefined ? undefined : { token, person };
  }
}

/** READERS readers, each one lookup at a time, READ_PAUSE_MS apart, until `until` settles. */
async function readWhile(server: BenchServer, lookups: Lookups, until: Promise<unknown>): Promise<Samples> {
  const samples: Samples = { ms: [], errors: {} };
  let running = true;
  void until.finally(() => (running = false));
  const count = (code: string) => (samples.errors[code] = (samples.errors[code] ?? 0) + 1);
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (running) {
        const lookup = lookups.take();
        if (!lookup) throw new Error(`import-reads: more than ${ANALYSTS * PERSONS_PER_ANALYST} lookups`);
        try {
          const { ms, value } = await timed(() => server.gql(LOOKUP, { id: lookup.person.id }, lookup.token));
          const code = value.body.errors?.[0]?.extensions?.code;
          if (value.status !== 200 || code !== undefined) count(code ?? `HTTP ${value.status}`);
          else if ((value.body.data?.entity as { id?: string } | null)?.id !== lookup.person.id) count('NO_DATA');
          else samples.ms.push(ms);
        } catch (error) {
          count(error instanceof Error ? error.name : 'connection error');
        }
        await new Promise((resolve) => setTimeout(resolve, READ_PAUSE_MS));
      }
    }),
  );
  return samples;
}

export function importReadsBench(options: { quick: boolean; seed: number; people: number }) {
  const importPeople = options.quick ? 5_000 : 20_000;
  const baselineSeconds = options.quick ? 10 : 20;
  let persons: PersonRow[] = [];
  return {
    async raw(store: RawStore): Promise<void> {
      // Distinct persons in a seeded order.
      const all = await allPersons(store);
      const random = seededRandom(options.seed + 5);
      persons = all
        .map((person) => ({ person, key: random() }))
        .sort((a, b) => a.key - b.key)
        .map(({ person }) => person);
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      const tokens = await Promise.all(
        Array.from({ length: ANALYSTS }, (_, i) => server.analystToken(`bench-import-reads-${i}`)),
      );
      const lookups = new Lookups(tokens, persons);
      const script = prefixedNetwork({ people: importPeople, seed: options.seed + 1000, prefix: 'imported' });
      const mb = (script.length / 1_048_576).toFixed(1);
      const loadAt = (): string =>
        os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ');
      progress(`import-reads: ${READERS} readers alone for ${baselineSeconds} s`);
      const loadAlone = loadAt();
      const alone = await readWhile(
        server,
        lookups,
        new Promise((resolve) => setTimeout(resolve, baselineSeconds * 1000)),
      );
      const pidBefore = storeProcess(server.pid);
      progress(`import-reads: the same readers while importCypher loads ${importPeople} people (${mb} MB)`);
      const loadDuring = loadAt();
      const started = performance.now();
      const importing = server.asAdmin(IMPORT, { s: script }).then(
        (answer) => ({ answer, seconds: (performance.now() - started) / 1000 }),
        (error: unknown) => ({ error, seconds: (performance.now() - started) / 1000 }),
      );
      const during = await readWhile(server, lookups, importing);
      const outcome = await importing;
      const pidAfter = storeProcess(server.pid);
      const report =
        'answer' in outcome
          ? (outcome.answer.body.data?.importCypher as
              | { ok: boolean; nodesCreated: number; relationshipsCreated: number; errors: { message: string }[] }
              | undefined)
          : undefined;
      const importError =
        'error' in outcome
          ? String(outcome.error)
          : report === undefined
            ? JSON.stringify(outcome.answer.body.errors)?.slice(0, 300)
            : report.ok
              ? undefined
              : JSON.stringify(report.errors.slice(0, 2)).slice(0, 300);
      const size = `${options.people.toLocaleString('en')} people`;
      const what =
        `${READERS} readers, one entity(id) at a time each, ${READ_PAUSE_MS} ms apart, each of a person not read ` +
        `before (nothing cached), ${PERSONS_PER_ANALYST} per analyst; ` +
        `alone ${baselineSeconds} s (${alone.ms.length} answers, load ${loadAlone}), ` +
        `beside the import ${outcome.seconds.toFixed(1)} s (${during.ms.length} answers, load ${loadDuring})`;
      const errorTotal = Object.values(during.errors).reduce((a, b) => a + b, 0);
      const p = (samples: Samples, q: number) => round(percentile(samples.ms, q));
      return [
        ratioRow({
          name: `entity lookup during an import, ${size}: p50`,
          ours: p(during, 50),
          baseline: p(alone, 50),
          unit: 'ms',
          aim: { text: '(p95 is the aim)', test: () => true },
          note: what,
        }),
        ratioRow({
          name: `entity lookup during an import, ${size}: p95`,
          ours: p(during, 95),
          baseline: p(alone, 95),
          unit: 'ms',
          aim: atMost(2),
          note: `baseline: the same readers with no import; max during ${round(Math.max(0, ...during.ms))} ms`,
        }),
        {
          name: `entity lookup during an import, ${size}: error answers`,
          ours: errorTotal,
          baseline: null,
          unit: 'count',
          ratio: null,
          aim: '= 0',
          met: errorTotal === 0,
          note: `by code during the import ${JSON.stringify(during.errors)}, without it ${JSON.stringify(alone.errors)}`,
        },
        {
          name: `importCypher of ${importPeople.toLocaleString('en')} people beside the reads`,
          ours: round(outcome.seconds, 1),
          baseline: null,
          unit: 's',
          ratio: null,
          aim: 'committed, store process kept',
          met: importError === undefined && pidBefore !== undefined && pidBefore === pidAfter,
          required: true,
          scope: 'embedded-only',
          note:
            `${mb} MB script; ` +
            (importError === undefined
              ? `committed: ${report?.nodesCreated} nodes, ${report?.relationshipsCreated} relationships`
              : `FAILED: ${importError}`) +
            `; store process ${pidBefore} before, ${pidAfter} after`,
        },
      ];
    },
  };
}
