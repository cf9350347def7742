/** Grants informant clearance the way the server-side CLI does, on a running test server's store and trail. */
import { operatorAuditEntry, setClearanceByOperator } from '../../server/src/users/clearance.ts';
import type { TestServer } from './test-server.ts';

export async function grantClearanceServerSide(server: TestServer, username: string): Promise<void> {
  const trail = server.running.services.security?.trail;
  if (!trail) throw new Error('the test server has no audit trail');
  const { change } = await setClearanceByOperator(server.store, username, true, 'test-operator');
  await trail.record(operatorAuditEntry(change, 'test-operator'));
}
