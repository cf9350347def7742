/**
 * Every Cypher text the Neo4j adapter sends (import statements aside: those come
 * from the import file). Labels and relationship types are written into the text
 * only from the model's allow-lists, through schemaName(); every value is a
 * $parameter. allQueries() enumerates each constant and each built variant so the
 * offline lint (queries.lint.test.ts) sees exactly what can reach the database.
 *
 * Explorer queries only ever match model labels, so the adapter's own
 * :MaillonUser and :MaillonAudit nodes stay out of search, stats and traversals.
 */
import { NODE_LABELS, REL_TYPES, type RelType } from '../../model/index.ts';
import { allCaseFileQueries } from './case-file-queries.ts';
import { allExportQueries } from './export-queries.ts';
import { AUDIT_LABEL, USER_LABEL, cypher, schemaName, type CypherQuery } from './query.ts';

export const SEARCH_INDEX = 'maillon_search';
/** What the search index covers: names and aliases for the name tiers, descriptions for the last (ranking.ts). */
export const SEARCH_INDEX_PROPERTIES = ['name', 'aliases', 'description'] as const;

const labels = NODE_LABELS.map(schemaName);

/** One branch per model label, so each branch can use that label's id index. */
function unionOverLabels(branch: (label: string) => string): string {
  return labels.map(branch).join('\n  UNION ALL\n  ');
}

export const PING = cypher({ name: 'ping', params: [], text: 'RETURN 1 AS ok' });

export const COUNT_NODES = cypher({
  name: 'countNodes',
  params: [],
  text: `CALL () {
  ${unionOverLabels((l) => `MATCH (n:${l}) RETURN count(n) AS c`)}
}
RETURN sum(c) AS count`,
});

/** Per-label and per-type counts come from Neo4j's count store: no scan. */
export const COUNT_BY_LABEL = cypher({
  name: 'countByLabel',
  params: [],
  text: `CALL () {
  ${unionOverLabels((l) => `MATCH (n:${l}) RETURN '${l}' AS label, count(n) AS count`)}
}
RETURN label, count`,
});

export const COUNT_BY_TYPE = cypher({
  name: 'countByType',
  params: [],
  text: `CALL () {
  ${REL_TYPES.map(schemaName)
    .map((t) => `MATCH ()-[r:${t}]->() RETURN '${t}' AS type, count(r) AS count`)
    .join('\n  UNION ALL\n  ')}
}
RETURN type, count`,
});

export const GET_ENTITIES = cypher({
  name: 'getEntities',
  params: ['ids'],
  text: `CALL () {
  ${unionOverLabels((l) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN '${l}' AS label, n`)}
}
RETURN label, properties(n) AS props`,
});

/**
 * $lucene is built by lucene.ts from folded, tokenised user text. The index covers
 * the names, aliases and descriptions of model labels only (nodes, never a
 * relationship: an identity link's properties cannot be found through it);
 * $labels (null for all) narrows further.
 */
export const SEARCH = cypher({
  name: 'search',
  params: ['lucene', 'labels', 'limit'],
  text: `CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $lucene) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN labels(node) AS labels, properties(node) AS props, score
ORDER BY score DESC, node.id
LIMIT $limit`,
});

const REL_MAP = '{ id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r) }';

/**
 * For each node of $ids: how many visible relationships it has, and the first
 * $perNodeLimit of them by id (a stable choice, so a page does not reshuffle).
 * $types holds the visible, requested types: hidden ones are neither returned nor counted.
 */
export const ADJACENT = cypher({
  name: 'adjacent',
  params: ['ids', 'types', 'perNodeLimit'],
  text: `CALL () {
  ${unionOverLabels((l) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN n`)}
}
CALL (n) {
  MATCH (n)-[r]-()
  WHERE type(r) IN $types
  RETURN count(DISTINCT r) AS total
}
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE type(r) IN $types
  WITH DISTINCT r, m
  // The cap keeps the same neighbours as the embedded store (traversal/snapshot-reads.ts).
  ORDER BY m.id, type(r), r.id
  LIMIT $perNodeLimit
  RETURN collect(${REL_MAP}) AS rels
}
RETURN n.id AS id, total, rels`,
});

/**
 * Every shortest undirected path over the visible $types, at most $limit, one
 * text per maximum length (a variable-length bound cannot be a parameter). The
 * type filter and the excluded labels (ends exempt) are universal predicates on
 * the path, which Neo4j applies while it searches rather than afterwards. The
 * label predicate has its own texts (`avoiding`), so a search without it plans as
 * before. The ends are found through each label's id index; callers pass two
 * different ids (a path needs at least one step).
 */
export function shortestPathsUpTo(
  maxLength: number,
  avoiding = false,
): CypherQuery<'from' | 'to' | 'types' | 'excludeLabels' | 'limit'> {
  const labels = avoiding
    ? '\n  AND all(n IN nodes(p) WHERE n = a OR n = b OR none(l IN labels(n) WHERE l IN $excludeLabels))'
    : '';
  return cypher({
    name: `shortestPaths:${maxLength}${avoiding ? ':avoiding' : ''}`,
    params: avoiding ? ['from', 'to', 'types', 'excludeLabels', 'limit'] : ['from', 'to', 'types', 'limit'],
    text: `CALL () {
  ${unionOverLabels((l) => `MATCH (n:${l}) WHERE n.id = $from RETURN n AS a`)}
}
CALL () {
  ${unionOverLabels((l) => `MATCH (n:${l}) WHERE n.id = $to RETURN n AS b`)}
}
MATCH p = allShortestPaths((a)-[*1..${maxLength}]-(b))
WHERE all(r IN relationships(p) WHERE type(r) IN $types)${labels}
RETURN [n IN nodes(p) | n.id] AS nodeIds, [r IN relationships(p) | ${REL_MAP}] AS rels
LIMIT $limit`,
  });
}

/** Longest path length the port is asked for (services/paths.ts validates maxLength against it). */
export const MAX_PATH_LENGTH = 8;

/** One query per type so each reads only that type's relationships. */
export function scanRelationshipsOfType(type: RelType): CypherQuery<'limit'> {
  const t = schemaName(type);
  return cypher({
    name: `scanRelationships:${t}`,
    params: ['limit'],
    text: `MATCH ()-[r:${t}]->()
RETURN ${REL_MAP} AS rel
LIMIT $limit`,
  });
}

/** Import files may omit relationship ids; the adapter gives every relationship one. */
export const ASSIGN_MISSING_REL_IDS = cypher({
  name: 'assignMissingRelationshipIds',
  params: [],
  text: `MATCH ()-[r]->()
WHERE r.id IS NULL
SET r.id = randomUUID()
RETURN count(r) AS assigned`,
});

/** Several users at once: the token checks of concurrent requests share one read (group-commit.ts). */
export const FIND_USERS = cypher({
  name: 'findUsers',
  params: ['usernames'],
  text: `UNWIND $usernames AS name
MATCH (u:${USER_LABEL} {username: name})
RETURN properties(u) AS user`,
});

export const LIST_USERS = cypher({
  name: 'listUsers',
  params: [],
  text: `MATCH (u:${USER_LABEL}) RETURN properties(u) AS user ORDER BY u.username`,
});

/** Insert or replace: SET u = $user drops properties the new record no longer has. */
export const SAVE_USER = cypher({
  name: 'saveUser',
  params: ['user'],
  text: `MERGE (u:${USER_LABEL} {username: $user.username}) SET u = $user`,
});

/**
 * One statement for a whole batch (audit-head.ts): takes the head's lock, reads
 * the chain's last record behind it, and creates $records only when that is
 * still the record they link to ($afterSeq, $afterHash; the genesis hash for an
 * empty chain). Returns the head it found and how many records it wrote (0: the
 * head moved). One round trip inside the lock instead of three, so appends from
 * several servers hold it for less. The head is read through the correlated
 * subquery so that it runs only once the lock is held.
 */
export const APPEND_AUDIT = cypher({
  name: 'appendAudit',
  params: ['records', 'afterSeq', 'afterHash', 'genesis'],
  text: `MERGE (h:MaillonAuditHead {key: 'head'})
SET h._lock = true
WITH h
CALL (h) {
  MATCH (a:${AUDIT_LABEL}) WHERE a.seq IS NOT NULL
  WITH a ORDER BY a.seq DESC LIMIT 1
  RETURN collect(a) AS last
}
WITH coalesce(last[0].seq, 0) AS seq, coalesce(last[0].hash, $genesis) AS hash
CALL (seq, hash) {
  WITH seq, hash WHERE seq = $afterSeq AND hash = $afterHash
  UNWIND $records AS record
  CREATE (a:${AUDIT_LABEL})
  SET a = record
  RETURN count(a) AS written
}
RETURN seq, hash, written`,
});

/** `a.seq IS NOT NULL` lets the planner read the seq index backwards instead of sorting. */
export const LAST_AUDIT = cypher({
  name: 'lastAudit',
  params: [],
  text: `MATCH (a:${AUDIT_LABEL}) WHERE a.seq IS NOT NULL
RETURN properties(a) AS record
ORDER BY a.seq DESC
LIMIT 1`,
});

/** `at` is an ISO-8601 UTC string, so string order is time order. */
export const QUERY_AUDIT = cypher({
  name: 'queryAudit',
  params: ['user', 'entityId', 'since', 'limit'],
  text: `MATCH (a:${AUDIT_LABEL})
WHERE a.seq IS NOT NULL
  AND ($user IS NULL OR a.user = $user)
  AND ($entityId IS NULL OR $entityId IN a.entityIds)
  AND ($since IS NULL OR a.at >= $since)
RETURN properties(a) AS record
ORDER BY a.seq DESC
LIMIT $limit`,
});

export const READ_AUDIT_CHAIN = cypher({
  name: 'readAuditChain',
  params: ['afterSeq', 'limit'],
  text: `MATCH (a:${AUDIT_LABEL}) WHERE a.seq > $afterSeq
RETURN properties(a) AS record
ORDER BY a.seq
LIMIT $limit`,
});

/** The labels and properties the search index was created over. */
export const SEARCH_INDEX_SHAPE = cypher({
  name: 'searchIndexShape',
  params: ['name'],
  text: `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name RETURN labelsOrTypes, properties`,
});

export const DROP_SEARCH_INDEX = cypher({
  name: 'dropSearchIndex',
  params: [],
  text: `DROP INDEX ${SEARCH_INDEX} IF EXISTS`,
});

export const AWAIT_INDEXES = cypher({
  name: 'awaitIndexes',
  params: ['seconds'],
  text: 'CALL db.awaitIndexes($seconds)',
});

/** Every query text the adapter can send, for the offline lint. Schema statements are listed separately. */
export function allQueries(): CypherQuery[] {
  return [
    ...allCaseFileQueries(),
    ...allExportQueries(),
    PING,
    COUNT_NODES,
    COUNT_BY_LABEL,
    COUNT_BY_TYPE,
    GET_ENTITIES,
    SEARCH,
    ADJACENT,
    ...Array.from({ length: MAX_PATH_LENGTH }, (_, i) => shortestPathsUpTo(i + 1)),
    ...Array.from({ length: MAX_PATH_LENGTH }, (_, i) => shortestPathsUpTo(i + 1, true)),
    ...REL_TYPES.map(scanRelationshipsOfType),
    ASSIGN_MISSING_REL_IDS,
    FIND_USERS,
    LIST_USERS,
    SAVE_USER,
    APPEND_AUDIT,
    LAST_AUDIT,
    QUERY_AUDIT,
    READ_AUDIT_CHAIN,
    SEARCH_INDEX_SHAPE,
    DROP_SEARCH_INDEX,
    AWAIT_INDEXES,
  ];
}
