/**
 * Which entities a response hands out. Collected twice over: from every resolved
 * field whose GraphQL type bears entities (so aliases or a selection without `id`
 * cannot hide an entity from the audit trail), and from the final response data
 * (so nothing a resolver built by hand escapes). A resolver's whole result is
 * walked, not only what was selected: `search { score }` or `neighbourhood {
 * relationships { source target } }` still hand out the persons behind them, and
 * the insider detector must count those (its person ids come from here too).
 * Document ids in `sources` and relationship ids go into the record as well.
 */

/** An informant-to-person link (IDENTIFIES_AS) that left the server. */
export interface IdentityLink {
  readonly informant: string;
  readonly person: string;
}

const RESTRICTED_TYPE = 'IDENTIFIES_AS';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const stringField = (value: Record<string, unknown>, key: string): string | undefined =>
  typeof value[key] === 'string' ? value[key] : undefined;

export class ReturnedEntities {
  readonly ids = new Set<string>();
  readonly personIds = new Set<string>();
  readonly identityLinks: IdentityLink[] = [];
  /**
   * Objects walked already: a resolver's result is walked whole, then again as each of its
   * entity-bearing fields resolves (a subgraph's every node and relationship once more), and
   * walking an object twice adds nothing. The response data is built anew, so it is still walked.
   */
  readonly #walked = new WeakSet<object>();

  /** `typeName` is the named GraphQL type of a resolved field, `result` what its resolver returned. */
  collectField(typeName: string, result: unknown): void {
    if (typeName === 'OmittedCount') this.#each(result, (value) => this.#addId(stringField(value, 'id')));
    else this.collectData(result);
  }

  /** Walks response data for entity-shaped and relationship-shaped objects. */
  collectData(data: unknown, depth = 0): void {
    if (depth > 64 || typeof data !== 'object' || data === null || this.#walked.has(data)) return;
    this.#walked.add(data);
    if (Array.isArray(data)) {
      for (const item of data) this.collectData(item, depth + 1);
      return;
    }
    if (!isRecord(data)) return;
    if (typeof data.id === 'string' && (typeof data.label === 'string' || typeof data.name === 'string'))
      this.#entity(data);
    if (typeof data.source === 'string' && typeof data.target === 'string') this.#relationship(data);
    for (const key in data) {
      // `properties` is a node's or relationship's own values (strings, numbers, lists of them): no entity inside.
      if (key === 'properties') continue;
      const value = data[key];
      if (typeof value === 'object') this.collectData(value, depth + 1);
    }
  }

  #each(result: unknown, visit: (value: Record<string, unknown>) => void): void {
    if (Array.isArray(result)) for (const item of result) this.#each(item, visit);
    else if (isRecord(result)) visit(result);
  }

  #addId(id: string | undefined): void {
    if (id !== undefined && id !== '') this.ids.add(id);
  }

  #entity(value: Record<string, unknown>): void {
    const id = stringField(value, 'id');
    this.#addId(id);
    if (id !== undefined && value.label === 'Person') this.personIds.add(id);
    this.#sources(value);
  }

  #sources(value: Record<string, unknown>): void {
    if (Array.isArray(value.sources))
      for (const source of value.sources) if (typeof source === 'string') this.#addId(source);
  }

  #relationship(value: Record<string, unknown>): void {
    const source = stringField(value, 'source');
    const target = stringField(value, 'target');
    this.#addId(stringField(value, 'id'));
    this.#addId(source);
    this.#addId(target);
    this.#sources(value);
    if (value.type === RESTRICTED_TYPE && source !== undefined && target !== undefined) {
      if (!this.identityLinks.some((l) => l.informant === source && l.person === target)) {
        this.identityLinks.push({ informant: source, person: target });
      }
    }
  }
}
