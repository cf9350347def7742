/**
 * The demo seed (cypher/seed/*.cypher) may only use the graph model: its labels, relationship
 * types, endpoint pairs and properties, with provenance on every node and relationship. The
 * seed files follow one fixed statement shape each for nodes and relationships, so a small
 * parser here is enough and keeps this check independent of the import pipeline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../server/src/import/types.ts';
import { runImport } from '../../server/src/import/run-import.ts';
import type { GraphStore } from '../../server/src/store/GraphStore.ts';
import { KuzuStore } from '../../server/src/store/kuzu/KuzuStore.ts';
import {
  NODE_LABELS,
  RESTRICTED_REL_TYPES,
  allowsEndpoints,
  isNodeLabel,
  isRelType,
  nodeProperties,
  relProperties,
  type PropertySpec,
} from '../../server/src/model/index.ts';
import { quietLogger } from '../support/quiet-logger.ts';

type Scalar = string | number | boolean;
type Value = Scalar | Scalar[];
type Props = Record<string, Value>;

interface NodeStatement {
  kind: 'node';
  where: string;
  label: string;
  props: Props;
}
interface RelStatement {
  kind: 'rel';
  where: string;
  type: string;
  from: { label: string; id: string };
  to: { label: string; id: string };
  props: Props;
}
type SeedStatement = NodeStatement | RelStatement;

const SEED_DIR = path.resolve(import.meta.dirname, '../../cypher/seed');
// Names may be in backticks (`Case` must be: CASE is reserved in Kùzu).
const NAME = '`?(\\w+)`?';
const NODE_RE = new RegExp(`^CREATE \\(:${NAME} (\\{.*\\})\\)$`, 's');
const REL_RE = new RegExp(
  `^MATCH \\(a:${NAME} \\{id: '([^'\\\\]*)'\\}\\), \\(b:${NAME} \\{id: '([^'\\\\]*)'\\}\\) ` +
    `CREATE \\(a\\)-\\[:${NAME} (\\{.*\\})\\]->\\(b\\)$`,
  's',
);

/** Parses a Cypher map literal of strings, numbers, booleans and lists of them. */
function parseMap(text: string): Props {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i} of ${text.slice(0, 80)}...`);
  };
  const skip = (): void => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const expectChar = (ch: string): void => {
    skip();
    if (text[i] !== ch) fail(`expected ${ch}`);
    i++;
  };
  const scalar = (): Scalar => {
    skip();
    const quote = text[i];
    if (quote === "'" || quote === '"') {
      let out = '';
      for (i++; text[i] !== quote; i++) {
        if (i >= text.length) fail('unterminated string');
        if (text[i] === '\\') i++;
        out += text[i];
      }
      i++;
      return out;
    }
    const word = /^(-?\d+(\.\d+)?([eE]-?\d+)?|true|false)/.exec(text.slice(i))?.[0] ?? fail('expected a literal');
    i += word.length;
    return word === 'true' ? true : word === 'false' ? false : Number(word);
  };
  const value = (): Value => {
    skip();
    if (text[i] !== '[') return scalar();
    i++;
    const items: Scalar[] = [];
    for (skip(); text[i] !== ']'; skip()) {
      if (items.length > 0) expectChar(',');
      items.push(scalar());
    }
    i++;
    return items;
  };
  const props: Props = {};
  expectChar('{');
  for (skip(); text[i] !== '}'; skip()) {
    if (Object.keys(props).length > 0) expectChar(',');
    skip();
    const key = /^\w+/.exec(text.slice(i))?.[0] ?? fail('expected a key');
    i += key.length;
    expectChar(':');
    if (key in props) fail(`duplicate key ${key}`);
    props[key] = value();
  }
  if (i !== text.length - 1) fail('text after the map');
  return props;
}

interface SeedText {
  where: string;
  text: string;
}

function readSeedTexts(): SeedText[] {
  const files = fs.readdirSync(SEED_DIR).filter((f) => f.endsWith('.cypher'));
  return files.sort().flatMap((file) => {
    const code = fs
      .readFileSync(path.join(SEED_DIR, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n');
    return code
      .split(/;[ \t]*$/m)
      .map((text) => text.trim())
      .filter((text) => text.length > 0)
      .map((text) => ({ where: `${file}: ${text.slice(0, 70)}`, text }));
  });
}

/** The statement in the seed's node or relationship shape, or the reason it is not. */
function parseStatement({ where, text }: SeedText): SeedStatement | string {
  try {
    const node = NODE_RE.exec(text);
    if (node) return { kind: 'node', where, label: node[1] ?? '', props: parseMap(node[2] ?? '') };
    const rel = REL_RE.exec(text);
    if (!rel) return `${where}: not a seed node or relationship statement`;
    const [, fromLabel = '', fromId = '', toLabel = '', toId = '', type = '', map = ''] = rel;
    const ends = { from: { label: fromLabel, id: fromId }, to: { label: toLabel, id: toId } };
    return { kind: 'rel', where, type, ...ends, props: parseMap(map) };
  } catch (error) {
    return `${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Why `value` does not fit `spec`, or undefined when it does. */
function misfit(spec: PropertySpec, value: Value): string | undefined {
  switch (spec.type) {
    case 'string':
      if (typeof value !== 'string') return 'not a string';
      return spec.values && !spec.values.includes(value) ? `not one of ${spec.values.join('/')}` : undefined;
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'not a list of strings';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'not a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'not a boolean';
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'not an ISO date';
  }
}

function propertyProblems(where: string, allowed: Readonly<Record<string, PropertySpec>>, props: Props): string[] {
  return Object.entries(props).flatMap(([key, value]) => {
    const spec = allowed[key];
    if (!spec) return [`${where}: property ${key} is not in the model`];
    const why = misfit(spec, value);
    return why ? [`${where}: ${key} ${why}`] : [];
  });
}

const hasSources = (props: Props): boolean => Array.isArray(props['sources']) && props['sources'].length > 0;

describe('demo seed data (cypher/seed)', () => {
  const texts = readSeedTexts();
  const parsed = texts.map(parseStatement);
  const statements = parsed.filter((s): s is SeedStatement => typeof s !== 'string');
  const nodes = statements.filter((s): s is NodeStatement => s.kind === 'node');
  const rels = statements.filter((s): s is RelStatement => s.kind === 'rel');

  it('writes every statement in the seed shape: one node CREATE, or MATCH two nodes by id and CREATE one relationship', () => {
    expect(parsed.filter((s) => typeof s === 'string')).toEqual([]);
  });

  it('creates nodes of every kind the demo needs and links them', () => {
    expect(nodes.length).toBeGreaterThan(40);
    expect(rels.length).toBeGreaterThan(nodes.length);
    const used = new Set(nodes.map((n) => n.label));
    expect(NODE_LABELS.filter((l) => l !== 'Record' && !used.has(l))).toEqual([]);
  });

  it('uses only labels and node properties of the model, with values of the right type', () => {
    const problems = nodes.flatMap((n) =>
      isNodeLabel(n.label)
        ? propertyProblems(n.where, nodeProperties(n.label), n.props)
        : [`${n.where}: unknown label`],
    );
    expect(problems).toEqual([]);
  });

  it('uses only relationship types, endpoint pairs and properties of the model', () => {
    const problems = rels.flatMap((r) => {
      if (!isRelType(r.type)) return [`${r.where}: unknown type ${r.type}`];
      if (!isNodeLabel(r.from.label) || !isNodeLabel(r.to.label)) return [`${r.where}: unknown endpoint label`];
      const pair = allowsEndpoints(r.type, r.from.label, r.to.label) ? [] : [`${r.where}: endpoints not allowed`];
      return [...pair, ...propertyProblems(r.where, relProperties(r.type), r.props)];
    });
    expect(problems).toEqual([]);
  });

  it('gives every node an id, a name, sources and a short description, and every relationship an id and sources', () => {
    const problems = [
      ...nodes
        .filter((n) => typeof n.props['id'] !== 'string' || typeof n.props['name'] !== 'string' || !hasSources(n.props))
        .map((n) => `${n.where}: id, name or sources missing`),
      ...nodes
        .filter((n) => typeof n.props['description'] !== 'string' || n.props['description'].length > 400)
        .map((n) => `${n.where}: description missing or longer than 400 characters`),
      ...rels
        .filter((r) => typeof r.props['id'] !== 'string' || !hasSources(r.props))
        .map((r) => `${r.where}: id or sources missing`),
    ];
    expect(problems).toEqual([]);
  });

  it('uses unique kebab-case ids', () => {
    const ids = statements.map((s) => String(s.props['id']));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('matches only nodes created earlier in load order, under the same label', () => {
    const created = new Map<string, string>();
    const problems: string[] = [];
    for (const s of statements) {
      if (s.kind === 'node') created.set(String(s.props['id']), s.label);
      else
        for (const end of [s.from, s.to])
          if (created.get(end.id) !== end.label) problems.push(`${s.where}: no earlier ${end.label} ${end.id}`);
    }
    expect(problems).toEqual([]);
  });

  it('cites only Document ids as sources', () => {
    const documents = new Set(nodes.filter((n) => n.label === 'Document').map((n) => String(n.props['id'])));
    expect(documents.size).toBeGreaterThan(0);
    const cited = statements.flatMap((s) => (Array.isArray(s.props['sources']) ? s.props['sources'] : []));
    expect(cited.filter((id) => typeof id !== 'string' || !documents.has(id))).toEqual([]);
  });

  it('links no informant to a real identity (the reports give none)', () => {
    expect(rels.filter((r) => (RESTRICTED_REL_TYPES as readonly string[]).includes(r.type))).toEqual([]);
  });

  it('keeps charges as allegations (no conviction in the reports)', () => {
    const statuses = rels.filter((r) => r.type === 'SUBJECT_OF').map((r) => r.props['status']);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 'indicted' && status !== 'suspect')).toEqual([]);
  });

  // The parser is slow (about 0.1-0.2 s a statement on a busy machine), hence the long timeout.
  it('parses every statement with the Neo4j Cypher parser without errors', { timeout: 240_000 }, () => {
    const errorSeverity = 1;
    const problems = texts.flatMap(({ where, text }) =>
      lintCypherQuery(`${text};`, {})
        .diagnostics.filter((d) => d.severity === errorSeverity)
        .map((d) => `${where}: ${d.message}`),
    );
    expect(problems).toEqual([]);
  });
});

describe('demo seed data loaded through the import pipeline into Kùzu', () => {
  const texts = readSeedTexts();
  const parsed = texts.map(parseStatement).filter((s): s is SeedStatement => typeof s !== 'string');
  const meta = { user: 'seed-test', operation: 'seed' };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillon-'));
  const store: GraphStore = new KuzuStore({ logger: quietLogger, dataDir });
  const reports: Array<{ file: string; report: ImportReport }> = [];
  /** Failures the pipeline throws rather than reports (e.g. a store error), kept for the assertion below. */
  const thrown: Array<{ file: string; message: string }> = [];

  beforeAll(async () => {
    await store.ensureSchema();
    for (const file of fs
      .readdirSync(SEED_DIR)
      .filter((f) => f.endsWith('.cypher'))
      .sort()) {
      const script = fs.readFileSync(path.join(SEED_DIR, file), 'utf8');
      try {
        reports.push({ file, report: await runImport(store, { script, fileName: file, dryRun: false, meta }) });
      } catch (error) {
        thrown.push({ file, message: error instanceof Error ? error.message : String(error) });
        break;
      }
    }
  }, 240_000);

  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads every file without errors and creates one node or relationship per statement', () => {
    expect(thrown).toEqual([]);
    expect(
      reports.filter(({ report }) => !report.ok).map(({ file, report }) => ({ file, errors: report.errors })),
    ).toEqual([]);
    const sum = (pick: (r: ImportReport) => number): number => reports.reduce((n, { report }) => n + pick(report), 0);
    expect(sum((r) => r.nodesCreated)).toBe(parsed.filter((s) => s.kind === 'node').length);
    expect(sum((r) => r.relationshipsCreated)).toBe(parsed.filter((s) => s.kind === 'rel').length);
  });

  it('reads back figures, quoted strings and sources as written', async () => {
    const byId = new Map(
      (
        await store.getEntities(
          [
            'shipment-banana-containers-cocaine',
            'agency-paris-prosecutor',
            'event-method-paid-lookups',
            'case-junalco-360kg',
          ],
          meta,
        )
      ).map((e) => [e.id, e]),
    );
    expect(byId.get('shipment-banana-containers-cocaine')?.properties).toMatchObject({
      actualKg: 360,
      commodity: 'cocaine',
    });
    expect(byId.get('agency-paris-prosecutor')?.name).toBe("Paris public prosecutor's office");
    expect(byId.get('event-method-paid-lookups')?.properties).toMatchObject({
      amount: 50,
      amountMax: 100,
      currency: 'EUR',
    });
    expect(byId.get('case-junalco-360kg')?.label).toBe('Case');
    expect(byId.get('case-junalco-360kg')?.sources).toEqual(['doc-lemonde-2025-05-21', 'doc-thelocal-2025-04-05']);
  });
});
