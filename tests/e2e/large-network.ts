/** A generated network of people for the large-view browser tests: a Cypher import and a view file. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { callApi, signInByApi } from './api.ts';
import { ARTIFACTS } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface LargeNetwork {
  /** The Cypher that loads it into the database (a view file is only a list of ids to read again). */
  readonly script: string;
  /** The view file, as the explorer exports it. */
  readonly workspace: string;
  readonly links: ReadonlyArray<{ source: string; target: string }>;
}

/**
 * `nodes` people and `relationships` ASSOCIATE_OF links (no self-loops); `pinned` nodes are pinned
 * in the view file at the positions given.
 */
export function largeNetwork(
  nodes: number,
  relationships: number,
  pinned: Readonly<Record<string, { x: number; y: number }>> = {},
): LargeNetwork {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const ids = Array.from({ length: nodes }, (_, i) => `p${i}`);
  const links = Array.from({ length: relationships }, (_, i) => {
    const source = i % nodes;
    const target = (source + 1 + Math.floor(random() * (nodes - 1))) % nodes;
    return { id: `r${i}`, source: `p${source}`, target: `p${target}`, at: `20${10 + (i % 15)}-01-01` };
  });
  const script = [
    `UNWIND ${JSON.stringify(ids.map((id) => ({ id, name: `Person ${id}` })))} AS row CREATE (:Person {id: row.id, name: row.name});`,
    `UNWIND ${JSON.stringify(links)} AS row MATCH (a:Person {id: row.source}), (b:Person {id: row.target}) ` +
      'CREATE (a)-[:ASSOCIATE_OF {id: row.id, at: date(row.at)}]->(b);',
  ]
    .join('\n')
    .replace(/"(\w+)":/g, '$1:');
  const workspace = JSON.stringify({
    format: 'maillon-workspace',
    version: 1,
    nodes: ids.map((id) => ({ id, label: 'Person', name: `Person ${id}`, properties: {}, sources: [] })),
    relationships: links.map((l) => ({ ...l, type: 'ASSOCIATE_OF', properties: { at: l.at }, sources: [] })),
    hidden: [],
    pinned: Object.keys(pinned),
    omitted: {},
    positions: pinned,
  });
  return { script, workspace, links };
}

/** A server on an empty store with the network imported; a large view reads more than the default volume rule allows. */
export async function serverWithNetwork(network: LargeNetwork): Promise<RunningServer> {
  const server = await startServer({ seed: 'none', env: { MAILLON_READ_LIMIT_ADMIN: '100000/200000' } });
  const admin = await signInByApi(server, { username: 'admin', password: server.adminPassword });
  const imported = await callApi<{ importCypher: { ok: boolean } }>(server, {
    query: 'mutation Import($s: String!) { importCypher(script: $s) { ok } }',
    variables: { s: network.script },
    token: admin,
    purpose: 'Load test',
  });
  expect(imported.errors ?? []).toEqual([]);
  expect(imported.data?.importCypher.ok).toBe(true);
  return server;
}

/** Signs in as admin and opens the network's view file, until the status line counts all of it. */
export async function openNetworkView(
  page: Page,
  input: { server: RunningServer; network: LargeNetwork; file: string; counts: string },
): Promise<void> {
  const file = path.join(ARTIFACTS, input.file);
  fs.writeFileSync(file, input.network.workspace);
  await page.goto(input.server.url);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(input.server.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Purpose', { exact: true }).fill('Load test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Open workspace JSON').setInputFiles(file);
  await expect.poll(() => page.getByTestId('status-counts').innerText(), { timeout: 120_000 }).toBe(input.counts);
}
