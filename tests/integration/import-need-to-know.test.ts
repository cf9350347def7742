/**
 * Need-to-know inside imports (issue 11, "not closed"): an admin without informant
 * clearance imports with their read scope, so the restricted relationship types do
 * not exist there, and no refusal quotes a stored value.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/src/import/types.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import { RESTRICTED_REL_TYPES } from '../../server/src/model/index.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import type { TxMeta } from '../../server/src/store/ports/read-scope.ts';
import { tempDataDir } from './import-helpers.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta: TxMeta = { user: 'uncleared-admin', operation: 'importCypher' };
const uncleared = { hiddenRelTypes: RESTRICTED_REL_TYPES };

describe('an import runs with the importing user read scope', () => {
  let dataDir: string;
  let store: KuzuProcessStore;
  const run = (script: string): Promise<ImportReport> =>
    runImport(store, { script, dryRun: true, meta, scope: uncleared });

  beforeAll(async () => {
    dataDir = tempDataDir();
    store = new KuzuProcessStore({ logger: quietLogger, dataDir, queryTimeoutMs: 60_000 });
    await store.ensureSchema();
    const seed = await runImport(store, {
      script:
        "CREATE (:Informant {id: 'inf-1', name: 'Source K'}), (:Person {id: 'ntk-p', name: 'Zoe Secret'});\n" +
        "MATCH (i:Informant {id: 'inf-1'}), (p:Person {id: 'ntk-p'}) CREATE (i)-[:IDENTIFIES_AS]->(p);",
      dryRun: false,
      meta,
    });
    expect(seed.errors).toEqual([]);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a restricted type as if the model lacked it, without reading the identity', async () => {
    const report = await run(
      "MATCH (i:Informant {id:'inf-1'})-[:IDENTIFIES_AS]->(p:Person) CREATE (:Event {id:'e', name:'x', count: toInteger(p.name)})",
    );
    expect(report.ok).toBe(false);
    expect(report.errors[0]?.message).toMatch(/^Unknown relationship type IDENTIFIES_AS\. Allowed types: /);
    expect(JSON.stringify(report)).not.toMatch(/Zoe|Secret/);
  });

  it('does not traverse a restricted relationship through an untyped pattern (no yes/no oracle)', async () => {
    for (const pattern of ['-[r]->', '-->', '--', '-[*1..2]-']) {
      const report = await run(
        `MATCH (i:Informant {id:'inf-1'})${pattern}(p:Person) WHERE p.name STARTS WITH 'Z' CREATE (:Event {id:'e-${pattern.length}', name:'x'})`,
      );
      expect(report).toMatchObject({ ok: true, nodesCreated: 0 });
    }
  });

  it('never quotes a stored value in a refusal', async () => {
    // Neo4j's toInteger of a name is null (no longer Kùzu's "Cast failed" with the name in it):
    // the dry run passes, and says nothing of the name either way.
    const converted = await run(
      "MATCH (p:Person {id:'ntk-p'}) CREATE (:Event {id:'e3', name:'x', count: toInteger(p.name)})",
    );
    expect(converted.errors).toEqual([]);
    expect(JSON.stringify(converted)).not.toMatch(/Zoe|Secret/);
    const refused = await run("MATCH (p:Person {id:'ntk-p'}) CREATE (:Event {id:'e4', name:'x', at: date(p.name)})");
    expect(refused.ok).toBe(false);
    expect(refused.errors[0]).toMatchObject({ statement: 1, line: 1 });
    expect(JSON.stringify(refused)).not.toMatch(/Zoe|Secret/);
  });
});
