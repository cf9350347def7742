/**
 * The Cypher of SharedStateStore on Neo4j. Each read-modify-write first sets a
 * property on the one node it is about (`SET n._lock = true`): that takes the
 * node's write lock until the transaction ends, so concurrent servers queue on
 * it and read each other's committed values (Neo4j's documented way to avoid
 * lost updates under read-committed isolation).
 */
import { cypher, type CypherQuery } from './query.ts';

/**
 * The reads of one user from several concurrent requests at once ($personIds
 * their union). `created` lists the persons new to the window, so that each
 * request can be told the count it would have had alone, in arrival order
 * (person-reads.ts).
 */
export const RECORD_PERSON_READS = cypher({
  name: 'recordPersonReads',
  params: ['user', 'personIds', 'at', 'windowStart'],
  text: `MERGE (w:MaillonReadWindow {user: $user})
SET w._lock = true
WITH w
CALL (w) {
  MATCH (old:MaillonPersonRead {user: $user}) WHERE old.at < $windowStart
  DELETE old
}
CALL (w) {
  UNWIND $personIds AS person
  MERGE (r:MaillonPersonRead {key: $user + '|' + person})
  ON CREATE SET r.user = $user, r.person = person, r._new = true
  SET r.at = $at
  WITH r, person, r._new IS NOT NULL AS created
  REMOVE r._new
  RETURN collect(CASE WHEN created THEN person END) AS created
}
REMOVE w._lock
WITH w, created
CALL (w) {
  MATCH (r:MaillonPersonRead {user: $user})
  RETURN count(r) AS distinct
}
RETURN distinct, created`,
});

export const COUNT_PERSON_READS = cypher({
  name: 'countPersonReads',
  params: ['user', 'personIds', 'windowStart'],
  text: `OPTIONAL MATCH (r:MaillonPersonRead {user: $user}) WHERE r.at >= $windowStart
WITH collect(r.person) AS seen
RETURN size(seen) AS distinct, size([p IN $personIds WHERE NOT p IN seen]) AS unread`,
});

export const FORGET_PERSON_READS = cypher({
  name: 'forgetPersonReads',
  params: ['user'],
  text: `MATCH (r:MaillonPersonRead {user: $user}) DELETE r`,
});

export const SUSPEND = cypher({
  name: 'suspend',
  params: ['suspension'],
  text: `MERGE (s:MaillonSuspension {user: $suspension.user})
ON CREATE SET s += $suspension, s._new = true
WITH s, coalesce(s._new, false) AS created
REMOVE s._new
RETURN created`,
});

export const LIFT_SUSPENSION = cypher({
  name: 'liftSuspension',
  params: ['user'],
  text: `OPTIONAL MATCH (s:MaillonSuspension {user: $user})
WITH s, s IS NOT NULL AS found
DELETE s
RETURN found`,
});

/** Several users at once: every request checks its user's suspension, and concurrent ones share the read. */
export const FIND_SUSPENSIONS = cypher({
  name: 'findSuspensions',
  params: ['users'],
  text: `UNWIND $users AS user
MATCH (s:MaillonSuspension {user: user})
RETURN properties(s) AS suspension`,
});

export const ADD_ALERT = cypher({
  name: 'addAlert',
  params: ['alert'],
  text: `CREATE (a:MaillonAlert) SET a = $alert`,
});

export const LIST_ALERTS = cypher({
  name: 'listAlerts',
  params: ['limit'],
  text: `MATCH (a:MaillonAlert) RETURN properties(a) AS alert ORDER BY a.at DESC, a.id DESC LIMIT $limit`,
});

/** Locks the keyed node (creating it) and returns what it holds. */
function lockKeyed(label: 'MaillonAttempt'): CypherQuery<'key'> {
  return cypher({
    name: `lock${label}`,
    params: ['key'],
    text: `MERGE (n:${label} {key: $key}) SET n._lock = true RETURN properties(n) AS state`,
  });
}

function saveKeyed(label: 'MaillonAttempt'): CypherQuery<'key' | 'state'> {
  return cypher({
    name: `save${label}`,
    params: ['key', 'state'],
    text: `MATCH (n:${label} {key: $key}) SET n += $state REMOVE n._lock`,
  });
}

/**
 * Counts several events at once, one row per distinct key in $takes
 * (`{ key, windowStart, n }`): each counter is locked, then moved on by n within
 * its window (or started again at n in a new one). `before` is its count before
 * this batch, so the caller can tell each event the count a sequence would give it.
 */
export const COUNT_IN_WINDOWS = cypher({
  name: 'countInWindows',
  params: ['takes'],
  text: `UNWIND $takes AS take
MERGE (c:MaillonCounter {key: take.key})
SET c._lock = true
WITH c, take, CASE WHEN c.windowStart = take.windowStart THEN coalesce(c.count, 0) ELSE 0 END AS before
SET c.count = before + take.n, c.windowStart = take.windowStart
REMOVE c._lock
RETURN take.key AS key, before`,
});
export const LOCK_ATTEMPT = lockKeyed('MaillonAttempt');
export const SAVE_ATTEMPT = saveKeyed('MaillonAttempt');

export const RESET_ATTEMPTS = cypher({
  name: 'resetAttempts',
  params: ['key'],
  text: `MATCH (n:MaillonAttempt {key: $key}) DELETE n`,
});

export const GRANT_ALLOWANCE = cypher({
  name: 'grantAllowance',
  params: ['allowance'],
  text: `MERGE (a:MaillonAllowance {user: $allowance.user}) SET a = $allowance`,
});

/** Several users' allowances at once, expired or not: each caller compares `until` with its own time. */
export const FIND_ALLOWANCES = cypher({
  name: 'findAllowances',
  params: ['users'],
  text: `UNWIND $users AS user
MATCH (a:MaillonAllowance {user: user})
RETURN properties(a) AS allowance`,
});

/** Every property the shared-state nodes hold, for the offline lint's schema. */
export const SHARED_STATE_PROPERTIES = [
  '_lock',
  '_new',
  'key',
  'user',
  'person',
  'at',
  'reason',
  'requestId',
  'restricted',
  'id',
  'kind',
  'summary',
  'entityIds',
  'count',
  'windowStart',
  'attempts',
  'blockedUntil',
  'persons',
  'purpose',
  'approvedBy',
  'until',
] as const;

export function sharedStateQueries(): CypherQuery[] {
  return [
    RECORD_PERSON_READS,
    COUNT_PERSON_READS,
    FORGET_PERSON_READS,
    SUSPEND,
    LIFT_SUSPENSION,
    FIND_SUSPENSIONS,
    ADD_ALERT,
    LIST_ALERTS,
    COUNT_IN_WINDOWS,
    LOCK_ATTEMPT,
    SAVE_ATTEMPT,
    RESET_ATTEMPTS,
    GRANT_ALLOWANCE,
    FIND_ALLOWANCES,
  ];
}
