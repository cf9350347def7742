/**
 * An export as a stream of text: the whole graph, or the nodes within `depth` of some ids and
 * the relationships between them, read from the store in pages and written a batch at a time,
 * so that neither the graph nor the file is ever held whole. Nodes come first (label by label,
 * in model order), then relationships (type by type); each batch is its own cypher-shell
 * transaction. What the reader's scope hides (informant identities for an uncleared reader) is
 * not read at all: the output is the one a database without those relationships would give.
 */
import { NODE_LABELS, REL_TYPES, type NodeLabel } from '../model/index.ts';
import type { ExportRelationship, GraphExport } from '../store/ports/GraphExport.ts';
import type { GraphReads } from '../store/ports/GraphReads.ts';
import type { ReadScope, TxMeta } from '../store/ports/read-scope.ts';
import { neighbourhoodIds } from './neighbourhood-ids.ts';
import { inTransaction, nodeBatch, relationshipBatch, type RelationshipGroup } from './statements.ts';

/** Rows per UNWIND statement: the batch size the import README recommends. */
const DEFAULT_BATCH_SIZE = 1_000;

export interface ExportSelection {
  readonly ids: readonly string[];
  readonly depth: number;
}

interface ExportProgress {
  readonly nodes: number;
  readonly relationships: number;
}

export interface ExportInput {
  readonly store: GraphExport & Pick<GraphReads, 'adjacent' | 'getEntities'>;
  readonly scope: ReadScope;
  readonly meta: TxMeta;
  /** A neighbourhood; the whole graph when absent. */
  readonly selection?: ExportSelection;
  readonly batchSize?: number;
  /** Called with each batch's entities before it is written: the caller counts, caps and audits here. */
  readonly onBatch?: (batch: ExportBatch, total: ExportProgress) => void;
}

/** A batch about to be written: its label when it holds nodes (the read-volume rule counts persons). */
interface ExportBatch {
  readonly kind: 'node' | 'relationship';
  readonly label?: NodeLabel;
  readonly ids: readonly string[];
}

function header(selection: ExportSelection | undefined): string {
  const what = selection
    ? `the neighbourhood of ${selection.ids.join(', ')} to depth ${selection.depth}`
    : 'the whole graph';
  return (
    `// Maillon export of ${what}, in APOC's cypher-shell format (UNWIND batches, unique id per label).\n` +
    `// Load it with \`npm run import -- FILE\`, or into Neo4j with cypher-shell once cypher/schema.cypher has run.\n`
  );
}

const groupKey = (r: ExportRelationship): string => `${r.start.label}>${r.end.label}`;

function byEndLabels(relationships: readonly ExportRelationship[]): Array<[RelationshipGroup, ExportRelationship[]]> {
  const groups = new Map<string, [RelationshipGroup, ExportRelationship[]]>();
  for (const r of relationships) {
    const key = groupKey(r);
    let group = groups.get(key);
    if (!group) {
      group = [{ type: r.type, startLabel: r.start.label, endLabel: r.end.label }, []];
      groups.set(key, group);
    }
    group[1].push(r);
  }
  return [...groups.values()];
}

export async function* exportCypher(input: ExportInput): AsyncGenerator<string> {
  const { store, scope, meta, selection } = input;
  const limit = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const ids = selection
    ? await neighbourhoodIds({ store, seeds: selection.ids, depth: selection.depth, scope, meta })
    : undefined;
  const total = { nodes: 0, relationships: 0 };
  yield header(selection);

  for (const label of NODE_LABELS as readonly NodeLabel[]) {
    let after: string | undefined;
    for (;;) {
      const nodes = await store.exportNodes(
        { label, limit, ...(after !== undefined ? { after } : {}), ...(ids ? { ids } : {}) },
        meta,
      );
      if (nodes.length === 0) break;
      total.nodes += nodes.length;
      input.onBatch?.({ kind: 'node', label, ids: nodes.map((n) => n.id) }, total);
      yield inTransaction(nodeBatch(label, nodes));
      if (nodes.length < limit) break;
      after = nodes[nodes.length - 1]?.id;
    }
  }

  for (const type of REL_TYPES) {
    if (scope.hiddenRelTypes.includes(type)) continue;
    let after: ExportRelationship | undefined;
    for (;;) {
      const page = await store.exportRelationships(
        {
          type,
          limit,
          ...(after ? { after: { id: after.id, start: after.start.id, end: after.end.id } } : {}),
          ...(ids ? { ids } : {}),
        },
        scope,
        meta,
      );
      if (page.length === 0) break;
      total.relationships += page.length;
      input.onBatch?.({ kind: 'relationship', ids: page.map((r) => r.id) }, total);
      yield inTransaction(
        byEndLabels(page)
          .map(([group, rels]) => relationshipBatch(group, rels))
          .join(''),
      );
      if (page.length < limit) break;
      after = page[page.length - 1];
    }
  }
}
