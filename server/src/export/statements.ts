/**
 * The statements of an export, in the shape APOC's `apoc.export.cypher.all` writes with
 * `useOptimizations: {type: 'UNWIND_BATCH'}` for labels with a unique key: one UNWIND of literal
 * rows per batch, nodes created by their label and `id`, relationships matched by both ends'
 * label and id. Unlike APOC, the relationship's `id` is written in the created pattern
 * (`[r:T{id: row.id}]`) so that every reader keeps it. Labels and types come from the model.
 */
import type { NodeLabel, RelType } from '../model/index.ts';
import type { ExportNode, ExportRelationship } from '../store/ports/GraphExport.ts';
import { cypherMap, cypherName, cypherString } from './cypher-literal.ts';

const rowsList = (rows: readonly string[]): string => `[${rows.join(', ')}]`;

interface Batch<T> {
  readonly items: readonly T[];
  readonly withProperties: boolean;
}

/**
 * Rows without properties go in a statement of their own, without `properties` and its SET:
 * the embedded store's import cannot read an empty map literal (`{}`) in a row.
 */
function byHavingProperties<T extends { readonly properties: object }>(items: readonly T[]): Array<Batch<T>> {
  const has = (item: T): boolean => Object.keys(item.properties).length > 0;
  const batches: Array<Batch<T>> = [
    { items: items.filter(has), withProperties: true },
    { items: items.filter((item) => !has(item)), withProperties: false },
  ];
  return batches.filter((batch) => batch.items.length > 0);
}

export function nodeBatch(label: NodeLabel, nodes: readonly ExportNode[]): string {
  return byHavingProperties(nodes)
    .map(({ items, withProperties }) => {
      const rows = items.map(
        (n) => `{id:${cypherString(n.id)}${withProperties ? `, properties:${cypherMap(n.properties)}` : ''}}`,
      );
      const set = withProperties ? ' SET n += row.properties' : '';
      return `UNWIND ${rowsList(rows)} AS row\nCREATE (n:${cypherName(label)}{id: row.id})${set};\n`;
    })
    .join('');
}

export interface RelationshipGroup {
  readonly type: RelType;
  readonly startLabel: NodeLabel;
  readonly endLabel: NodeLabel;
}

export function relationshipBatch(group: RelationshipGroup, relationships: readonly ExportRelationship[]): string {
  return byHavingProperties(relationships)
    .map(({ items, withProperties }) => {
      const rows = items.map(
        (r) =>
          `{start: {id:${cypherString(r.start.id)}}, end: {id:${cypherString(r.end.id)}}, id:${cypherString(r.id)}` +
          `${withProperties ? `, properties:${cypherMap(r.properties)}` : ''}}`,
      );
      const set = withProperties ? ' SET r += row.properties' : '';
      return (
        `UNWIND ${rowsList(rows)} AS row\n` +
        `MATCH (start:${cypherName(group.startLabel)}{id: row.start.id})\n` +
        `MATCH (end:${cypherName(group.endLabel)}{id: row.end.id})\n` +
        `CREATE (start)-[r:${cypherName(group.type)}{id: row.id}]->(end)${set};\n`
      );
    })
    .join('');
}

/** cypher-shell runs what lies between these as one transaction; Maillon's import runs the whole file as one. */
export const inTransaction = (statements: string): string => `:begin\n${statements}:commit\n`;
