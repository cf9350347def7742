/**
 * Figure 4: GraphQL throughput for a ~25 KB subgraph against plain `node:http`
 * serving the same JSON bytes (its own process too), with autocannon, the same
 * connections and duration. Aim: 0.33x or better.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cannon } from './cannon.ts';
import type { RawStore } from './raw-store.ts';
import { PURPOSE, type BenchServer } from './server-process.ts';
import { round } from './stats.ts';
import { atLeast, progress, ratioRow, type BenchRow } from './types.ts';

const TARGET_BYTES = 25 * 1024;
const CONNECTIONS = 10;
const ANALYST = 'bench-throughput';
const SUBGRAPH = `query Subgraph($ids: [ID!]!, $limit: Int!) {
  neighbourhood(ids: $ids, depth: 2, limit: $limit) {
    nodes { id label name properties sources }
    relationships { id type source target properties sources }
    truncated
  }
}`;

/** node:http answering every request with the same bytes: the floor any server on Node pays. */
const PLAIN_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const body = fs.readFileSync(process.env.BODY_FILE);
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write('port ' + server.address().port + '\\n'));
`;

async function servePlain(bodyFile: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', PLAIN_SERVER], {
    env: { ...process.env, BODY_FILE: bodyFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`plain server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
}

export function throughputBench(options: { quick: boolean; people: number }) {
  const seconds = options.quick ? 5 : 15;
  let hub = '';
  return {
    async raw(store: RawStore): Promise<void> {
      const [row] = await store.query(
        'MATCH (o:Organization)-[r]-() RETURN o.id AS id, count(r) AS c ORDER BY c DESC, id LIMIT 1',
      );
      hub = String(row?.id ?? '');
    },

    async server(server: BenchServer): Promise<BenchRow[]> {
      const token = await server.analystToken(ANALYST);
      // Size the node limit so that the answer is about 25 KB.
      let limit = 60;
      let answer = await server.gql(SUBGRAPH, { ids: [hub], limit }, token);
      for (let step = 0; step < 4 && Math.abs(answer.bytes - TARGET_BYTES) > 2048; step++) {
        limit = Math.max(1, Math.min(200, Math.round((limit * TARGET_BYTES) / Math.max(1, answer.bytes))));
        answer = await server.gql(SUBGRAPH, { ids: [hub], limit }, token);
      }
      if (answer.status !== 200 || answer.body.errors)
        throw new Error(`subgraph query failed: ${JSON.stringify(answer.body)}`);
      const bodyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-bench-')), 'subgraph.json');
      fs.writeFileSync(bodyFile, JSON.stringify(answer.body));
      const request = {
        body: JSON.stringify({ query: SUBGRAPH, variables: { ids: [hub], limit } }),
        headers: { authorization: `Bearer ${token}`, 'x-purpose': PURPOSE },
      };

      progress(`throughput: GraphQL ${Math.round(answer.bytes / 1024)} KB subgraph, ${seconds} s`);
      const ours = await cannon({
        url: `${server.url}/graphql`,
        requests: [request],
        connections: CONNECTIONS,
        seconds,
      });
      progress(`throughput: { me } (no entity data), ${seconds} s`);
      const floor = await cannon({
        url: `${server.url}/graphql`,
        requests: [{ ...request, body: JSON.stringify({ query: '{ me { username } }' }) }],
        connections: CONNECTIONS,
        seconds,
      });
      progress(`throughput: plain node:http, ${seconds} s`);
      const plain = await servePlain(bodyFile);
      let baseline;
      try {
        baseline = await cannon({ url: plain.url, requests: [request], connections: CONNECTIONS, seconds });
      } finally {
        plain.stop();
        fs.rmSync(path.dirname(bodyFile), { recursive: true, force: true });
      }
      const problems = ours.non2xx + ours.errors + Object.values(ours.errorCodes).reduce((a, b) => a + b, 0);
      return [
        ratioRow({
          name: `GraphQL throughput, ${Math.round(answer.bytes / 1024)} KB subgraph (${options.people.toLocaleString('en')} people)`,
          ours: round(ours.requestsPerSecond, 1),
          baseline: round(baseline.requestsPerSecond, 1),
          unit: 'req/s',
          aim: atLeast(0.33),
          note:
            `${CONNECTIONS} connections, ${seconds} s each; neighbourhood of ${hub} (limit ${limit}); ` +
            `p50 ${ours.p50} ms vs ${baseline.p50} ms, p99 ${ours.p99} ms vs ${baseline.p99} ms; autocannon shares the 2 cores with the server. ` +
            `A request that returns no entity data ({ me }) runs at ${round(floor.requestsPerSecond, 1)} req/s: ` +
            'every request checks its token against the user record in the store and waits for its durable audit record ' +
            '(records of concurrent requests share one commit), both across the process boundary of the store (the embedded store process, or Bolt to Neo4j). ' +
            'The subgraph adds its read from the store (answers depend on the reader and are audited, so nothing is cached) ' +
            'and GraphQL execution of every field of ~25 KB. The aim would need the answer cached per reader ' +
            'or the audit write taken off the request path, which the fail-closed audit rules out' +
            (problems > 0 ? `; ${problems} failed answers (${JSON.stringify(ours.errorCodes)})` : ''),
        }),
      ];
    },
  };
}
