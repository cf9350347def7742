/**
 * An export held in memory, for the exportCypher query: the same stream as the CLI's, stopped
 * with LIMIT_EXCEEDED as soon as it passes the cap (so a large graph is never read whole for a
 * request), and the ids of everything in it for the audit record.
 */
import { LimitExceededError } from '../errors.ts';
import { exportCypher, type ExportInput } from './export-cypher.ts';

export interface ExportText {
  readonly script: string;
  /** Node ids, then relationship ids, as written. */
  readonly ids: readonly string[];
  /** The Person ids among them, which the read-volume rule counts like any read of those persons. */
  readonly personIds: readonly string[];
  readonly nodes: number;
  readonly relationships: number;
}

export async function exportText(input: Omit<ExportInput, 'onBatch'> & { readonly cap: number }): Promise<ExportText> {
  const ids: string[] = [];
  const personIds: string[] = [];
  let counts = { nodes: 0, relationships: 0 };
  const chunks: string[] = [];
  for await (const chunk of exportCypher({
    ...input,
    onBatch: (batch, total) => {
      if (total.nodes + total.relationships > input.cap) {
        throw new LimitExceededError(
          `The export holds more than ${input.cap.toLocaleString('en')} nodes and relationships, the most ` +
            `exportCypher returns (MAILLON_EXPORT_LIMIT). Narrow it with ids and depth, or write the whole ` +
            `graph on the server with \`npm run export -- OUT.cypher\`.`,
        );
      }
      ids.push(...batch.ids);
      if (batch.label === 'Person') personIds.push(...batch.ids);
      counts = { ...total };
    },
  })) {
    chunks.push(chunk);
  }
  return { script: chunks.join(''), ids, personIds, ...counts };
}
