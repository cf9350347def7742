/**
 * A relationship scan read in pages of source nodes, each page its own store call. One query
 * over a whole relationship type outlived the database process's deadline at 1,000,000 people
 * (the red-flag book's ASSOCIATE_OF scan, 933,053 relationships): the process was killed and
 * reopened, and the scan began again. A page of 50,000 source offsets answered in 3-4 s on two
 * busy cores, and the API process decodes one page at a time instead of one message of the lot.
 * Free of the kuzu module: the API process runs this loop over calls to the database process.
 */
import type { RelationshipRecord } from '../../model/records.ts';

/** Node offsets (per table, from 0) one page covers. */
export const SCAN_PAGE_SOURCES = 50_000;

export interface ScanPage {
  readonly relationships: RelationshipRecord[];
  /** Where the next page starts; undefined after the last node. */
  readonly nextOffset: number | undefined;
}

/** `readPage(from, limit)` gives at most `limit` relationships whose source's offset is in [from, from + SCAN_PAGE_SOURCES). */
export async function scanInPages(
  limit: number,
  readPage: (fromOffset: number, limit: number) => Promise<ScanPage>,
): Promise<{ relationships: RelationshipRecord[]; truncated: boolean }> {
  // One past the limit tells a cut scan from one that ended exactly at it.
  const wanted = limit + 1;
  const relationships: RelationshipRecord[] = [];
  let from: number | undefined = limit > 0 ? 0 : undefined;
  while (from !== undefined && relationships.length < wanted) {
    const page = await readPage(from, wanted - relationships.length);
    for (const rel of page.relationships) relationships.push(rel);
    from = page.nextOffset;
  }
  return { relationships: relationships.slice(0, Math.max(0, limit)), truncated: relationships.length > limit };
}
