/**
 * Folded texts (names, or aliases) in sorted order, each with the index slot of
 * its node, so that every text starting with what was typed is one contiguous
 * range found by binary search, already in the order hits are ranked in.
 * Changes are merged in batches (one import's worth): filtering the dead slots
 * and merging the sorted new entries costs one pass, not a sort of everything.
 */
export interface KeyEntry {
  readonly key: string;
  readonly slot: number;
}

const compare = (a: KeyEntry, b: KeyEntry, idOf: (slot: number) => string): number => {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  const x = idOf(a.slot);
  const y = idOf(b.slot);
  return x < y ? -1 : x > y ? 1 : 0;
};

export class SortedKeys {
  private entries: KeyEntry[] = [];

  constructor(private readonly idOf: (slot: number) => string) {}

  get size(): number {
    return this.entries.length;
  }

  /** Drops the entries of `dead` slots and merges `added` in. */
  merge(added: readonly KeyEntry[], dead: (slot: number) => boolean): void {
    const fresh = added.filter((entry) => !dead(entry.slot)).sort((a, b) => compare(a, b, this.idOf));
    const kept = this.entries.filter((entry) => !dead(entry.slot));
    const merged: KeyEntry[] = new Array<KeyEntry>(kept.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length || j < fresh.length) {
      const a = kept[i];
      const b = fresh[j];
      if (b === undefined || (a !== undefined && compare(a, b, this.idOf) <= 0)) {
        merged[k++] = a as KeyEntry;
        i++;
      } else {
        merged[k++] = b;
        j++;
      }
    }
    this.entries = merged;
  }

  /** Entries whose key starts with `prefix`, in order. */
  *startingWith(prefix: string): Generator<KeyEntry> {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.entries[mid] as KeyEntry).key < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.entries.length; i++) {
      const entry = this.entries[i] as KeyEntry;
      if (!entry.key.startsWith(prefix)) return;
      yield entry;
    }
  }

  /** The slots in key order (the rank of a node among equal scores). */
  slotsInOrder(): Iterable<number> {
    return this.entries.map((entry) => entry.slot);
  }
}
