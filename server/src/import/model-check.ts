/**
 * Validation against the graph model, before anything runs: labels, relationship
 * types, property keys, endpoint pairs and literal value types. Each message names
 * the offender and lists what the model allows. Values are resolved where they are
 * knowable before running: literals, and `row.key` where `row` comes from an
 * `UNWIND [ ...literal maps... ] AS row` of the same statement (every row is checked).
 */
import {
  NODE_LABELS,
  REL_SPECS,
  REL_TYPES,
  allowsEndpoints,
  isNodeLabel,
  isRelType,
  nodeProperties,
  relProperties,
  type NodeLabel,
  type PropertySpec,
  type RelType,
} from '../model/index.ts';
import {
  parsePatternList,
  type Chain,
  type NodePattern,
  type PropertyEntry,
  type RelPattern,
} from '../cypher/patterns.ts';
import { checkSetAndRemove } from './set-check.ts';
import { isKeyword, isPunct, type Token } from '../cypher/tokens.ts';
import {
  MAX_FINDINGS_PER_STATEMENT,
  checkResolvedValue,
  report,
  unknownProperty,
  type ModelFinding,
  type StatementScope,
} from './model-scope.ts';
import { unwindRows } from '../cypher/rows.ts';

/** Longest variable-length pattern an import may match: longer ones grow past any memory bound. */
const MAX_IMPORT_HOPS = 5;

const CLAUSES_WITH_PATTERNS = new Set(['MATCH', 'CREATE', 'MERGE']);

export function checkModel(tokens: readonly Token[], hiddenRelTypes: readonly RelType[] = []): ModelFinding[] {
  const scope: StatementScope = {
    nodes: new Map(),
    rels: new Map(),
    rows: unwindRows(tokens),
    findings: [],
    hiddenRelTypes: new Set(hiddenRelTypes),
  };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
      continue;
    }
    if (depth !== 0 || t.kind !== 'word') continue;
    const clause = t.value.toUpperCase();
    if (!CLAUSES_WITH_PATTERNS.has(clause)) continue;
    const { chains, next } = parsePatternList(tokens, i + 1);
    const writes = clause !== 'MATCH';
    for (const chain of chains) checkChain({ tokens, scope, chain, writes, createsNodes: clause === 'CREATE' });
    i = next - 1;
  }
  checkSetAndRemove(tokens, scope);
  checkPropertyAccess(tokens, scope);
  return scope.findings.slice(0, MAX_FINDINGS_PER_STATEMENT);
}

interface ChainCheck {
  readonly tokens: readonly Token[];
  readonly scope: StatementScope;
  readonly chain: Chain;
  readonly writes: boolean;
  readonly createsNodes: boolean;
}

function checkChain(check: ChainCheck): void {
  const labels = check.chain.nodes.map((node) => checkNode(check, node));
  check.chain.rels.forEach((rel, i) => checkRel(check, rel, labels[i], labels[i + 1]));
}

function checkNode(check: ChainCheck, node: NodePattern): NodeLabel | undefined {
  const { scope } = check;
  const name = node.variable?.name;
  const bound = name !== undefined && scope.nodes.has(name);
  if (node.labels.length > 1) {
    report(
      scope,
      node.labels[1]?.offset ?? node.offset,
      'A node has exactly one label (the embedded store keeps one label per node); remove the extra labels.',
    );
    return undefined;
  }
  const written = node.labels[0];
  if (written !== undefined && !isNodeLabel(written.name)) {
    report(scope, written.offset, `Unknown label ${written.name}. Allowed labels: ${NODE_LABELS.join(', ')}.`);
    return undefined;
  }
  const label =
    written !== undefined ? (written.name as NodeLabel) : name !== undefined ? scope.nodes.get(name) : undefined;
  if (check.writes && !bound && written === undefined) {
    report(
      scope,
      node.offset,
      `A created node needs a label: write (${name ?? 'n'}:Label {id: ...}) with one of ${NODE_LABELS.join(', ')}.`,
    );
  }
  if (!check.writes && !bound && written === undefined && check.chain.rels.length === 0) {
    // A lone unlabelled pattern matches every node the database holds, user accounts and the
    // audit trail included (`MATCH (n) DETACH DELETE n`). Nodes reached through a relationship
    // are graph nodes by construction, so only a lone pattern has to name its label.
    report(
      scope,
      node.offset,
      `A node matched on its own needs a label: write (${name ?? 'n'}:Label) with one of ${NODE_LABELS.join(', ')}. Imports reach only the graph's labels.`,
    );
  }
  if (name !== undefined && !bound) scope.nodes.set(name, label);
  if (label === undefined) return undefined;
  const allowed = nodeProperties(label);
  checkEntries({ check, entries: node.properties, allowed, owner: label });
  if (
    check.createsNodes &&
    !bound &&
    !node.properties.some((p) => p.key === 'id') &&
    !setsWholeMap(check.tokens, name)
  ) {
    report(scope, node.offset, `A created ${label} needs an id: write (${name ?? 'n'}:${label} {id: '...', ...}).`);
  }
  return label;
}

function checkRel(check: ChainCheck, rel: RelPattern, left: NodeLabel | undefined, right: NodeLabel | undefined): void {
  const { scope } = check;
  if (rel.variable !== undefined && !scope.rels.has(rel.variable.name)) scope.rels.set(rel.variable.name, undefined);
  for (const type of rel.types) {
    if (!isRelType(type.name) || scope.hiddenRelTypes.has(type.name)) {
      // A hidden type gets the very words of a type the model lacks: the refusal tells nothing.
      const allowed = REL_TYPES.filter((t) => !scope.hiddenRelTypes.has(t));
      report(scope, type.offset, `Unknown relationship type ${type.name}. Allowed types: ${allowed.join(', ')}.`);
      return;
    }
  }
  if (check.writes && (rel.types.length !== 1 || rel.direction === 'both' || rel.variableLength)) {
    report(
      scope,
      rel.offset,
      'A created relationship needs exactly one type and a direction, e.g. (a)-[:PAID {amount: 50}]->(b).',
    );
    return;
  }
  if (rel.variableLength && (rel.maxHops === undefined || rel.maxHops > MAX_IMPORT_HOPS)) {
    report(
      scope,
      rel.offset,
      `A variable-length pattern in an import may span at most ${MAX_IMPORT_HOPS} relationships: write an upper bound, e.g. -[:ASSOCIATE_OF*1..${MAX_IMPORT_HOPS}]-.`,
    );
    return;
  }
  if (rel.types.length !== 1) return;
  const type = (rel.types[0] as { name: RelType }).name;
  if (rel.variable !== undefined) scope.rels.set(rel.variable.name, type);
  checkEntries({ check, entries: rel.properties, allowed: relProperties(type), owner: type });
  if (left === undefined || right === undefined || rel.variableLength) return;
  const [from, to] = rel.direction === 'left' ? [right, left] : [left, right];
  const fits = allowsEndpoints(type, from, to) || (rel.direction === 'both' && allowsEndpoints(type, to, from));
  if (!fits) {
    const pairs = REL_SPECS[type].endpoints.map(([f, t]) => `${f} -> ${t}`).join(', ');
    report(scope, rel.offset, `The model does not allow ${type} from ${from} to ${to}. ${type} goes ${pairs}.`);
  }
}

interface EntriesCheck {
  readonly check: { readonly tokens: readonly Token[]; readonly scope: StatementScope };
  readonly entries: readonly PropertyEntry[];
  readonly allowed: Readonly<Record<string, PropertySpec>>;
  readonly owner: string;
}

/** Checks property keys and, where the value is knowable, its type. */
function checkEntries({ check, entries, allowed, owner }: EntriesCheck): void {
  for (const entry of entries) {
    const spec = allowed[entry.key];
    if (spec === undefined) {
      report(check.scope, entry.keyOffset, unknownProperty(entry.key, owner, allowed));
      continue;
    }
    checkResolvedValue({ scope: check.scope, tokens: check.tokens, entry, spec, owner });
  }
}

/** `SET n = map` or `SET n += map` later in the statement may supply the id. */
function setsWholeMap(tokens: readonly Token[], name: string | undefined): boolean {
  if (name === undefined) return false;
  return tokens.some(
    (t, i) =>
      t.value === name && isKeywordBefore(tokens, i) && (isPunct(tokens[i + 1], '=') || isPunct(tokens[i + 1], '+=')),
  );
}

const isKeywordBefore = (tokens: readonly Token[], i: number): boolean =>
  isKeyword(tokens[i - 1], 'SET') || isPunct(tokens[i - 1], ',');

/** `v.key` anywhere, where v is a node or relationship of a known label or type. */
function checkPropertyAccess(tokens: readonly Token[], scope: StatementScope): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const v = tokens[i] as Token;
    if ((v.kind !== 'word' && v.kind !== 'quoted') || !isPunct(tokens[i + 1], '.') || isPunct(tokens[i - 1], '.'))
      continue;
    const key = tokens[i + 2] as Token;
    if (key.kind !== 'word' && key.kind !== 'quoted') continue;
    const label = scope.nodes.get(v.value);
    const type = scope.rels.get(v.value);
    const allowed = label !== undefined ? nodeProperties(label) : type !== undefined ? relProperties(type) : undefined;
    if (allowed !== undefined && allowed[key.value] === undefined) {
      report(scope, key.start, unknownProperty(key.value, label ?? type ?? '', allowed));
    }
  }
}
