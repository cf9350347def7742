/**
 * The name index (store/search/NameIndex.ts) of this process's database: built
 * from one read per label after a start, then kept current by the nodes each
 * committed import reports as created, renamed, re-aliased or re-described (import.ts), so an
 * import never costs a rebuild. Until the first build finishes, search answers
 * from the folded-column scan (search.ts): slower, never unavailable.
 *
 * This process is the database's only writer, so the reports are complete for
 * new and renamed nodes; a node deleted by an import is dropped from the index
 * when a search finds its record gone (search-indexed.ts).
 */
import { NODE_LABELS } from '../../model/index.ts';
import type { Logger } from '../../logger.ts';
import { NameIndex, type IndexedNode } from '../search/NameIndex.ts';
import { quote } from './ddl.ts';
import type { KuzuConnection } from './KuzuConnection.ts';
import { indexedNode } from './name-rows.ts';

type State =
  | { readonly phase: 'idle' }
  | { readonly phase: 'building'; readonly started: number; readonly pending: IndexedNode[][] }
  | { readonly phase: 'ready'; readonly index: NameIndex };

/**
 * Nodes read and taken in per step of a build. The whole Person table in one
 * step held this process's event loop for 9 to 35 s at 1,000,000 people (5 s of
 * it turning Kùzu's rows into JS values, the rest indexing them), so a call
 * queued meanwhile passed its deadline, the process was killed, and the server
 * could not start. A page of 50,000 costs well under a second.
 */
const PAGE_NODES = 50_000;

const LAST_OFFSET = (label: string): string => `MATCH (n:${quote(label)}) RETURN max(offset(id(n))) AS last`;
// By storage offset, not SKIP: offsets do not move when an import deletes a node between two pages.
const NAMES_PAGE = (label: string): string =>
  `MATCH (n:${quote(label)}) WHERE offset(id(n)) >= $from AND offset(id(n)) < $to
   RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.description AS description`;

export class SearchIndexCache {
  private state: State = { phase: 'idle' };
  /** Counts builds, so that a build overtaken by a newer one (a schema change) is dropped. */
  private generation = 0;
  /** Settles with the index once the current build is taken in (undefined if it failed or was overtaken). */
  private building: Promise<NameIndex | undefined> | undefined;

  constructor(
    private readonly reader: KuzuConnection,
    private readonly logger: Logger,
    private readonly pageNodes = PAGE_NODES,
  ) {}

  /** The index if it is built; never waits, never starts a build. */
  built(): NameIndex | undefined {
    return this.state.phase === 'ready' ? this.state.index : undefined;
  }

  /**
   * The index, waiting up to `waitMs` for a build under way (a small database
   * is indexed in milliseconds, so its first search already ranks like every
   * later one); undefined when it is still building after that.
   */
  async get(waitMs: number): Promise<NameIndex | undefined> {
    if (this.state.phase === 'ready') return this.state.index;
    if (this.state.phase === 'idle') this.rebuild();
    const building = this.building;
    if (!building) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
    });
    try {
      return await Promise.race([building, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the index (a schema change in a lazy store): the next search builds it. */
  forget(): void {
    this.generation++;
    this.state = { phase: 'idle' };
    this.building = undefined;
  }

  /** Whether apply() would take anything in: an index not built reads every name when it is. */
  takesChanges(): boolean {
    return this.state.phase !== 'idle';
  }

  /** Reads every name again: after a start or a schema change, never after an import. */
  rebuild(): void {
    const generation = ++this.generation;
    const started = performance.now();
    const pending: IndexedNode[][] = [];
    this.state = { phase: 'building', started, pending };
    this.building = this.build().then(
      (index) => {
        if (generation !== this.generation) return undefined;
        // Imports that committed while the names were being read.
        for (const batch of pending) index.upsert(batch);
        this.state = { phase: 'ready', index };
        this.logger.info(
          {
            nodes: index.size,
            mb: Math.round(index.approximateBytes() / 1e6),
            ms: Math.round(performance.now() - started),
          },
          'built the search index',
        );
        return index;
      },
      (error: unknown) => {
        if (generation !== this.generation) return undefined;
        this.logger.warn({ err: error }, 'the search index could not be built; searches scan until the next try');
        this.state = { phase: 'idle' };
        return undefined;
      },
    );
  }

  /** After an import committed: the nodes it created, renamed, re-aliased or re-described. */
  apply(renamed: readonly IndexedNode[]): void {
    if (renamed.length === 0) return;
    if (this.state.phase === 'ready') this.state.index.upsert(renamed);
    else if (this.state.phase === 'building') this.state.pending.push([...renamed]);
  }

  /** Page by page, so that calls queued behind the build are answered between two pages. */
  private async build(): Promise<NameIndex> {
    const index = new NameIndex();
    for (const label of NODE_LABELS) {
      const [top] = await this.reader.query(LAST_OFFSET(label));
      const last = top?.last;
      if (typeof last !== 'number' && typeof last !== 'bigint') continue;
      for (let from = 0; from <= Number(last); from += this.pageNodes) {
        const rows = await this.reader.query(NAMES_PAGE(label), { from, to: from + this.pageNodes });
        index.upsert(rows.map((row) => indexedNode(label, row)));
      }
    }
    return index;
  }
}
