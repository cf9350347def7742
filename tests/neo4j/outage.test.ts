/**
 * A real outage (issue 16, item 4): the Neo4j java process is killed with SIGKILL
 * while a server process answers four readers and one importer. Every answer must be
 * a 200 or a 503 DB_UNAVAILABLE with a Retry-After, none may hang; the first 503 must
 * come within 3 s of the kill and service must resume within 5 s of Neo4j answering
 * again on the same store, with every import that was answered ok still there.
 * This file starts its own Neo4j (in a temporary folder), since it kills it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { findJava, startNeo4j, type RunningNeo4j } from '../../scripts/neo4j/local-neo4j.mjs';
import { ADMIN_PASSWORD, login, startAppServer, verifyAuditChain, type AppServer } from './app-servers.ts';

const PURPOSE = 'CASE-outage';
/** The requirement of the issue, measured from events (the kill, Neo4j's READY), not from sleeps. */
const FIRST_503_WITHIN_MS = 3000;
const RESUMED_WITHIN_MS = 5000;
/** A request still unanswered after this long is a hanging request. */
const REQUEST_TIMEOUT_MS = 10_000;
const READERS = 4;
const READER_PAUSE_MS = 100;
const IMPORT_PAUSE_MS = 250;
/** Load kept on the dead database before it is brought back. */
const DOWN_FOR_MS = 4000;
const LIMITS = {
  MAILLON_RATE_LIMIT: '1000000',
  MAILLON_READ_LIMIT_ADMIN: '500000/1000000',
  MAILLON_QUERY_TIMEOUT_MS: '5000',
};

/** One answer as the load saw it: when it arrived and what it was. */
interface Outcome {
  readonly at: number;
  /** From sending the request to its answer. */
  readonly tookMs: number;
  readonly kind: 'ok' | 'unavailable' | 'other';
  readonly detail: string;
}

function classify(status: number, codes: string[], retryAfter: string | null): Outcome['kind'] {
  if (status === 200 && codes.length === 0) return 'ok';
  if (status === 503 && codes.includes('DB_UNAVAILABLE') && Number(retryAfter) > 0) return 'unavailable';
  return 'other';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class Load {
  readonly outcomes: Outcome[] = [];
  readonly committedIds: string[] = [];
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private imports = 0;

  constructor(
    private readonly server: AppServer,
    private readonly token: string,
  ) {}

  start(): void {
    for (let i = 0; i < READERS; i++) this.loops.push(this.loop(READER_PAUSE_MS, () => this.read(i)));
    this.loops.push(this.loop(IMPORT_PAUSE_MS, () => this.importOne()));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** The first answer of `kind` that arrived at or after `since`. */
  firstAfter(kind: Outcome['kind'], since: number): Outcome | undefined {
    return this.outcomes.find((o) => o.kind === kind && o.at >= since);
  }

  private async loop(pauseMs: number, request: () => Promise<void>): Promise<void> {
    while (this.running) {
      await request();
      await sleep(pauseMs);
    }
  }

  private read(reader: number): Promise<void> {
    const query =
      reader % 2 === 0 ? '{ entity(id: "person-o0") { id } }' : '{ search(query: "outage", limit: 3) { score } }';
    return this.send(query, {}).then(() => undefined);
  }

  private async importOne(): Promise<void> {
    const id = `person-o-import-${(this.imports += 1)}`;
    const script = `CREATE (:Person {id: '${id}', name: 'Imported ${this.imports}', sources: ['doc-outage']});`;
    const outcome = await this.send('mutation I($s: String!) { importCypher(script: $s, dryRun: false) { ok } }', {
      s: script,
    });
    if (outcome?.ok) this.committedIds.push(id);
  }

  private async send(query: string, variables: Record<string, unknown>): Promise<{ ok: boolean } | undefined> {
    const sentAt = Date.now();
    try {
      const answer = await this.server.gql(query, {
        token: this.token,
        purpose: PURPOSE,
        variables,
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      const kind = classify(answer.status, answer.codes, answer.retryAfter);
      const detail = `${answer.status} ${answer.codes.join(',')} retry-after=${answer.retryAfter}`;
      this.outcomes.push({ at: Date.now(), tookMs: Date.now() - sentAt, kind, detail });
      const imported = answer.data?.importCypher as { ok?: boolean } | undefined;
      return { ok: kind === 'ok' && imported?.ok === true };
    } catch (error) {
      // A timeout (the request hung) or a broken connection: neither is an acceptable answer.
      this.outcomes.push({
        at: Date.now(),
        tookMs: Date.now() - sentAt,
        kind: 'other',
        detail: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }
}

/**
 * Resolves with the time at which a fresh driver first runs a query on `neo` again, polled
 * every 100 ms: the moment Neo4j answers, which may be a little before startNeo4j sees READY.
 */
async function firstAnswer(settings: { uri: string; user: string; password: string }): Promise<number> {
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    // One attempt per poll: the driver's own retries would back off for seconds and report late.
    connectionTimeout: 1000,
    connectionAcquisitionTimeout: 1500,
    maxTransactionRetryTime: 0,
    maxConnectionPoolSize: 1,
  });
  try {
    for (;;) {
      try {
        await driver.executeQuery('RETURN 1');
        return Date.now();
      } catch {
        await sleep(100);
      }
    }
  } finally {
    await driver.close();
  }
}

async function personIds(neo: RunningNeo4j): Promise<Set<string>> {
  const driver = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
  try {
    const result = await driver.executeQuery('MATCH (p:Person) RETURN p.id AS id');
    return new Set(result.records.map((r) => String(r.get('id'))));
  } finally {
    await driver.close();
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'maillon-outage-'));
const home = path.join(scratch, 'home');
let neo: RunningNeo4j | undefined;
let server: AppServer | undefined;

afterAll(async () => {
  await server?.stop();
  await neo?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!findJava())('the Neo4j process killed under load', () => {
  it('answers 503 DB_UNAVAILABLE with Retry-After during the outage, resumes after it and loses nothing committed', async () => {
    neo = await startNeo4j({ home });
    const settings = { uri: neo.uri, user: neo.user, password: neo.password };
    const env = { NEO4J_URI: settings.uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password };
    server = await startAppServer({ ...env, ...LIMITS });
    const token = await login(server, 'admin', ADMIN_PASSWORD);
    const seeded = await server.gql('mutation I($s: String!) { importCypher(script: $s, dryRun: false) { ok } }', {
      token,
      variables: { s: "CREATE (:Person {id: 'person-o0', name: 'Outage Zero', sources: ['doc-outage']});" },
    });
    expect(seeded.data?.importCypher).toEqual({ ok: true });

    const load = new Load(server, token);
    load.start();
    // Steady state first: the load is served before anything is broken.
    while (!load.firstAfter('ok', 0)) await sleep(100);
    await sleep(1500);

    const killedAt = Date.now();
    process.kill(neo.pid, 'SIGKILL');
    await neo.exited;
    await sleep(DOWN_FOR_MS);

    const answering = firstAnswer(settings);
    neo = await startNeo4j({ home, port: Number(new URL(settings.uri).port), password: settings.password });
    // Neo4j answers again at the first of these two events.
    const readySeenAt = Date.now();
    const readyAt = Math.min(readySeenAt, await answering);
    const deadline = readyAt + 60_000;
    while (!load.firstAfter('ok', readyAt) && Date.now() < deadline) await sleep(100);
    await sleep(1000);
    await load.stop();

    const first503 = load.firstAfter('unavailable', killedAt);
    // Answers of requests already under way at the kill may still be 200s: count from the first 503.
    const firstOkAfterKill = first503 && load.firstAfter('ok', first503.at);
    const others = load.outcomes.filter((o) => o.kind === 'other');
    console.log(
      [
        `outage: time to first 503 after the kill: ${first503 ? first503.at - killedAt : 'none'} ms`,
        `outage: Neo4j down (kill to answering again): ${readyAt - killedAt} ms`,
        `outage: time to first success after Neo4j is ready: ${firstOkAfterKill ? firstOkAfterKill.at - readyAt : 'none'} ms`,
        `outage: requests served: ${load.outcomes.length} (${load.outcomes.filter((o) => o.kind === 'ok').length} ok, ` +
          `${load.outcomes.filter((o) => o.kind === 'unavailable').length} 503), other answers: ${others.length} (` +
          `${others.filter((o) => o.detail.startsWith('5')).length} of them 5xx)`,
        `outage: longest answer: ${Math.max(...load.outcomes.map((o) => o.tookMs))} ms`,
        `outage: imports committed: ${load.committedIds.length}`,
      ].join('\n'),
    );

    expect(others.map((o) => o.detail)).toEqual([]);
    expect(first503).toBeDefined();
    expect((first503?.at ?? Infinity) - killedAt).toBeLessThanOrEqual(FIRST_503_WITHIN_MS);
    expect((firstOkAfterKill?.at ?? Infinity) - readyAt).toBeLessThanOrEqual(RESUMED_WITHIN_MS);

    expect(load.committedIds.length).toBeGreaterThan(0);
    const stored = await personIds(neo);
    expect(load.committedIds.filter((id) => !stored.has(id))).toEqual([]);
    const verdict = verifyAuditChain(env);
    expect(verdict.output).toMatch(/ok|intact|verified/i);
    expect(verdict.code).toBe(0);
  }, 600_000);
});
