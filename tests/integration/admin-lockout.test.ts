/**
 * Issue 15: "expanding 90 selected nodes suspended the only admin, with no other
 * admin left to clear it and the suspension restored after a restart". The
 * suspension is kept in the database (it outlasts the server), and the server-side
 * CLI clears it when no admin is left, in the audit trail like the mutation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../server/src/audit/AuditTrail.ts';
import { clearSuspensionFromCli } from '../../server/src/users/clear-suspension.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createStore } from '../../server/src/store/create-store.ts';
import { hasSharedState } from '../../server/src/store/SharedStateStore.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { codesOf } from './access-personas.ts';

let server: TestServer;
let fixtureDir: string;

beforeAll(async () => {
  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-lockout-'));
  const lines = Array.from(
    { length: 12 },
    (_, i) => `CREATE (:Person {id: 'person-l${i}', name: 'Lock ${i}', sources: []});`,
  );
  const file = path.join(fixtureDir, 'persons.cypher');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  server = await startTestServer({ seed: [file], env: { MAILLON_READ_LIMIT_ADMIN: '2/5' } });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(fixtureDir, { recursive: true, force: true });
});

describe('a suspended sole admin has a way back', () => {
  it('suspends the only admin per the admin thresholds, keeps it across a restart, and the CLI clears it', async () => {
    const admin = await server.adminToken();
    const read = await server.gql(
      '{ search(query: "lock", limit: 12) { score } }',
      {},
      { token: admin, purpose: 'CASE-L' },
    );
    expect(codesOf(read)).toEqual(['SESSION_SUSPENDED']);
    await server.running.stop();

    const store = await createStore(loadConfig({ MAILLON_DATA_DIR: server.dataDir }), pino({ level: 'silent' }));
    try {
      if (!hasSharedState(store)) throw new Error('no shared state');
      expect(await store.findSuspension('admin')).toMatchObject({ user: 'admin' });
      expect(
        await clearSuspensionFromCli(
          { store, trail: new AuditTrail({ store, logger: pino({ level: 'silent' }) }) },
          'admin',
        ),
      ).toBe(true);
      expect(await store.findSuspension('admin')).toBeUndefined();
      const [record] = await store.queryAudit({ limit: 1 });
      expect(record).toMatchObject({ operation: 'clearSuspension', outcome: 'OK', role: 'ADMIN' });
      expect(JSON.parse(record?.details ?? '{}')).toMatchObject({
        via: 'cli',
        calls: [{ arguments: { username: 'admin' } }],
      });
    } finally {
      await store.close();
    }
  });
});
