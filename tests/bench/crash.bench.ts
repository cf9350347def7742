/**
 * Figure 7: the embedded store's process killed (SIGKILL) in the middle of a
 * load run on the largest dataset. What a user would notice is measured: how
 * many answers were 503 (and that no other 5xx and no hung request appeared),
 * how long from the kill to the last 503, and whether writes committed before
 * the kill are still there afterwards (an account created just before it signs in).
 */
import fs from 'node:fs';
import { cannon } from './cannon.ts';
import { randomPersons, type PersonRow, type RawStore } from './raw-store.ts';
import { childPids, PURPOSE, type BenchServer } from './server-process.ts';
import { progress, type BenchRow } from './types.ts';

const CONNECTIONS = 10;
const LOOKUP = 'query Lookup($id: ID!) { entity(id: $id) { id label name } }';

/** The child process that has the database open (the other one is the warm standby). */
export function storeProcess(serverPid: number): number | undefined {
  return childPids(serverPid).find((pid) => {
    try {
      return fs.readdirSync(`/proc/${pid}/fd`).some((fd) => fs.readlinkSync(`/proc/${pid}/fd/${fd}`).includes('/kuzu'));
    } catch {
      return false;
    }
  });
}

/** Whether the account behind `token` is still known, asking again while the store restarts (up to a minute). */
async function signsIn(server: BenchServer, token: string): Promise<boolean> {
  const until = Date.now() + 60_000;
  for (;;) {
    const answer = await server.gql('{ me { username } }', {}, token);
    if (answer.status !== 503) return answer.status === 200 && !answer.body.errors;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export function crashBench(options: { quick: boolean; seed: number; people: number }) {
  const seconds = options.quick ? 9 : 30;
  let persons: PersonRow[] = [];
  return {
    async raw(store: RawStore): Promise<void> {
      persons = await randomPersons(store, 40, options.seed + 3);
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      const token = await server.analystToken('bench-crash');
      // Lookups only: what is measured is the restart, not the cost of a query (a search scans 1 M rows).
      const requests = persons.map((person) => ({
        body: JSON.stringify({ query: LOOKUP, variables: { id: person.id } }),
        headers: { authorization: `Bearer ${token}`, 'x-purpose': PURPOSE },
      }));
      // A write committed just before the kill: it must survive it.
      await server.analystToken('bench-crash-witness');
      const target = storeProcess(server.pid);
      if (target === undefined) throw new Error('crash bench: no process holds the embedded database');

      let killedAt = 0;
      let last503 = 0;
      let first2xxAfter = 0;
      const timer = setTimeout(
        () => {
          killedAt = performance.now();
          process.kill(target, 'SIGKILL');
        },
        (seconds * 1000) / 3,
      );
      progress(
        `crash: ${CONNECTIONS} connections for ${seconds} s, the store process (pid ${target}) killed at ${seconds / 3} s`,
      );
      // 40 distinct persons: under the insider rule's thresholds.
      const result = await cannon({
        url: `${server.url}/graphql`,
        requests,
        connections: CONNECTIONS,
        seconds,
        observe: (status) => {
          if (killedAt === 0) return;
          const now = performance.now();
          if (status === 503) last503 = now;
          else if (status === 200 && last503 > 0 && first2xxAfter < last503) first2xxAfter = now;
        },
      });
      clearTimeout(timer);
      const unavailable = result.errorCodes.DB_UNAVAILABLE ?? 0;
      const auditUnavailable = result.errorCodes.AUDIT_UNAVAILABLE ?? 0;
      const other5xx = result.status5xx - unavailable - auditUnavailable;
      const outage = last503 > 0 ? Math.round(last503 - killedAt) : 0;
      // No 503 at all means the restart fell between two requests: nothing to recover from.
      const recovered = last503 === 0 ? 0 : first2xxAfter > last503 ? Math.round(first2xxAfter - killedAt) : null;
      const survived = await signsIn(server, await server.analystToken('bench-crash-witness'));
      const size = `${options.people.toLocaleString('en')} people`;
      const met = other5xx === 0 && result.errors === 0 && survived && recovered !== null;
      return [
        {
          name: `store killed under load, ${size}: last 503 after the kill`,
          ours: outage,
          baseline: null,
          unit: 'ms',
          ratio: null,
          aim: 'no other 5xx, no hung request, committed writes kept',
          met,
          required: true,
          // Neo4j's outages have their own test (tests/neo4j/outage.test.ts); this kills the embedded store's process.
          scope: 'embedded-only',
          note:
            `${result.total} requests in ${seconds} s, ${unavailable} DB_UNAVAILABLE and ${auditUnavailable} AUDIT_UNAVAILABLE ` +
            `answers (503 with Retry-After), ${other5xx} other 5xx, ${result.errors} connection errors or timeouts; ` +
            (recovered === null
              ? 'no successful answer after the kill'
              : `first answer served again ${recovered} ms after the kill`) +
            `; an account created before the kill ${survived ? 'signs in afterwards' : 'was LOST'}`,
        },
      ];
    },
  };
}
