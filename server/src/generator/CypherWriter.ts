/**
 * Writes a Cypher import file in the admin dialect (Neo4j Cypher), one statement per line:
 * batched `UNWIND [...] AS row CREATE (:Label {...})` for nodes and
 * `UNWIND [...] AS row MATCH (a:L {id: row.a}), (b:M {id: row.b}) CREATE (a)-[:T {...}]->(b)`
 * for relationships. Rows in one batch share the same property keys, so no property is ever
 * written as null (unknown values are absent). Memory is bounded by the batch size: output
 * streams through `sink`. Node batches always go out before any relationship batch, so every
 * MATCH finds its nodes.
 */
import { isNodeLabel, type NodeLabel, type RelType } from '../model/index.ts';

export type Value = string | number | boolean | readonly string[];
export type Props = Readonly<Record<string, Value | undefined>>;

/** Kùzu reserves some label names (CASE); backticks keep every label valid in both dialects. */
const name = (label: string): string => `\`${label}\``;

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function literal(value: Value): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a Cypher number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `[${value.map(quote).join(', ')}]`;
}

const defined = (props: Props): Array<[string, Value]> =>
  Object.entries(props).filter((entry): entry is [string, Value] => entry[1] !== undefined);

const mapLiteral = (entries: ReadonlyArray<readonly [string, Value]>): string =>
  `{${entries.map(([key, value]) => `${key}: ${literal(value)}`).join(', ')}}`;

interface Batch {
  readonly head: string;
  readonly tail: string;
  readonly rows: string[];
}

/** Sees every node and relationship as it is written (tests build an in-memory graph from it). */
export interface WriteListener {
  node(label: NodeLabel, props: Props): void;
  rel(type: RelType, from: string, to: string, props: Props): void;
}

export class CypherWriter {
  private readonly nodeBatches = new Map<string, Batch>();
  private readonly relBatches = new Map<string, Batch>();
  nodes = 0;
  relationships = 0;

  constructor(
    private readonly sink: (text: string) => void,
    private readonly batchSize = 500,
    private readonly listener?: WriteListener,
  ) {}

  comment(text: string): void {
    this.sink(`// ${text}\n`);
  }

  node(label: NodeLabel, props: Props): void {
    this.listener?.node(label, props);
    const entries = defined(props);
    const keys = entries.map(([key]) => key);
    const batchKey = `${label}|${keys.join(',')}`;
    let batch = this.nodeBatches.get(batchKey);
    if (batch === undefined) {
      const fields = keys.map((key) => `${key}: row.${key}`).join(', ');
      batch = { head: 'UNWIND [', tail: `] AS row CREATE (:${name(label)} {${fields}});\n`, rows: [] };
      this.nodeBatches.set(batchKey, batch);
    }
    batch.rows.push(mapLiteral(entries));
    this.nodes++;
    if (batch.rows.length >= this.batchSize) this.flushBatch(batch);
  }

  rel(type: RelType, from: string, to: string, props: Props): void {
    this.listener?.rel(type, from, to, props);
    const [fromLabel, toLabel] = [labelOfId(from), labelOfId(to)];
    const entries = defined(props);
    const keys = entries.map(([key]) => key);
    const batchKey = `${type}|${fromLabel}|${toLabel}|${keys.join(',')}`;
    let batch = this.relBatches.get(batchKey);
    if (batch === undefined) {
      const fields = keys.map((key) => `${key}: row.${key}`).join(', ');
      batch = {
        head: 'UNWIND [',
        tail:
          `] AS row MATCH (a:${name(fromLabel)} {id: row.a}), (b:${name(toLabel)} {id: row.b}) ` +
          `CREATE (a)-[:${type} {${fields}}]->(b);\n`,
        rows: [],
      };
      this.relBatches.set(batchKey, batch);
    }
    batch.rows.push(mapLiteral([['a', from], ['b', to], ...entries]));
    this.relationships++;
    if (batch.rows.length >= this.batchSize) {
      this.flushAll(this.nodeBatches);
      this.flushBatch(batch);
    }
  }

  /** Writes every pending row. Call once at the end. */
  finish(): void {
    this.flushAll(this.nodeBatches);
    this.flushAll(this.relBatches);
  }

  private flushAll(batches: Map<string, Batch>): void {
    for (const batch of batches.values()) this.flushBatch(batch);
  }

  private flushBatch(batch: Batch): void {
    if (batch.rows.length === 0) return;
    this.sink(batch.head + batch.rows.join(', ') + batch.tail);
    batch.rows.length = 0;
  }
}

/** Generated ids start with their label's prefix, so a relationship knows its endpoint labels without a lookup table. */
export const ID_PREFIX: Readonly<Record<NodeLabel, string>> = {
  Person: 'p',
  Organization: 'org',
  Agency: 'ag',
  Informant: 'inf',
  Shipment: 'sh',
  Case: 'case',
  Location: 'loc',
  Record: 'rec',
  Event: 'ev',
  Document: 'doc',
};

const LABEL_BY_PREFIX = new Map(Object.entries(ID_PREFIX).map(([label, prefix]) => [prefix, label]));

export function labelOfId(id: string): NodeLabel {
  const label = LABEL_BY_PREFIX.get(id.slice(0, id.indexOf('-')));
  if (label === undefined || !isNodeLabel(label)) throw new Error(`generated id without a known prefix: ${id}`);
  return label;
}
