/**
 * The embedded store's search index: names, aliases and description terms of
 * every node, in memory, kept in step with imports by upserting the nodes an import
 * created, renamed, re-aliased or re-described (never a rebuild). It holds node
 * fields only (id, label, name, aliases, description): no relationship, so nothing
 * restricted (an identity link) can ever come out of it.
 *
 * Why this shape (measured on the bench's generated names, tests/bench/README.md):
 * MiniSearch's own search scores every match with BM25 and cannot stop early, so
 * typing "m" at 1 M people took 1.7 s; FlexSearch answers fast but has no edit
 * distance ("djha" finds nothing). Here the tiers of ranking.ts are read in
 * order: names and aliases sorted (SortedKeys.ts) give the exact and starts-with
 * tiers as ranges already in rank order, so a query stops after `limit` hits;
 * only when those do not fill the page are words looked up, in MiniSearch's radix
 * tree (prefixes, and one edit away for a typo), and their posting lists intersected.
 * Description terms (terms.ts) have a tree of their own, read last, by prefix only,
 * together with the name words' tree, so a description never costs a name query
 * anything until the names run out, and a node without one costs nothing more.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { NodeLabel } from '../../model/index.ts';
import { SCORE, foldTexts, typoAllowed, withinOneEdit, type RankedText, type TypedText } from './ranking.ts';
import { SortedKeys, type KeyEntry } from './SortedKeys.ts';

export interface IndexedNode {
  readonly id: string;
  readonly label: NodeLabel;
  readonly name: string | null;
  readonly aliases: readonly string[] | null;
  readonly description: string | null;
}

type FoldedNames = Pick<RankedText, 'name' | 'aliases'>;

export interface IndexHit {
  readonly id: string;
  readonly label: NodeLabel;
  readonly score: number;
}

/** What was typed, as typedText() cuts it. */
export interface IndexQuery extends TypedText {
  /** Only these labels; every label when absent. */
  readonly labels?: ReadonlySet<NodeLabel>;
  readonly limit: number;
}

export class NameIndex {
  private readonly ids: string[] = [];
  private readonly labels: Array<NodeLabel | undefined> = [];
  /** Folded name and aliases of each slot (what compaction posts again). */
  private readonly texts: Array<FoldedNames> = [];
  /** Each slot's terms joined by spaces: one string per node costs less than one per term. */
  private readonly termTexts: string[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly words = new SearchableMap<number[]>();
  private readonly terms = new SearchableMap<number[]>();
  private readonly names = new SortedKeys((slot) => this.ids[slot] ?? '');
  private readonly aliases = new SortedKeys((slot) => this.ids[slot] ?? '');
  /** Position of each slot in name order: how equal scores are ordered below the range tiers. */
  private nameRank = new Int32Array(0);
  /** Slots retired since the posting lists were last compacted (they are skipped on read until then). */
  private dead = 0;

  get size(): number {
    return this.slotOf.size;
  }

  /** The label of a node the index holds. */
  labelOf(id: string): NodeLabel | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.labels[slot];
  }

  /** Adds the nodes, or replaces what the index held for them. */
  upsert(nodes: Iterable<IndexedNode>): void {
    const names: KeyEntry[] = [];
    const aliases: KeyEntry[] = [];
    for (const node of nodes) {
      this.retire(node.id);
      const slot = this.ids.length;
      const { terms, ...text } = foldTexts(node);
      const termText = terms.join(' ');
      this.ids.push(node.id);
      this.labels.push(node.label);
      this.texts.push(text);
      this.termTexts.push(termText);
      this.slotOf.set(node.id, slot);
      names.push({ key: text.name, slot });
      for (const alias of new Set(text.aliases)) aliases.push({ key: alias, slot });
      this.post(slot, text, termText);
    }
    this.merge(names, aliases);
  }

  /** Forgets nodes that no longer exist. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) this.retire(id);
    this.merge([], []);
  }

  search({ words, terms, labels, limit }: IndexQuery): IndexHit[] {
    const phrase = words.join(' ');
    const hits: IndexHit[] = [];
    if (phrase === '' || limit <= 0) return hits;
    const placed = new Set<number>();
    const place = (slot: number, score: number): boolean => {
      const label = this.labels[slot];
      if (label === undefined || placed.has(slot) || (labels && !labels.has(label))) return false;
      placed.add(slot);
      hits.push({ id: this.ids[slot] as string, label, score });
      return hits.length >= limit;
    };
    const ranges: Array<[SortedKeys, number, number]> = [
      [this.names, SCORE.name, -1],
      [this.aliases, SCORE.alias, -1],
      [this.names, SCORE.namePrefix, SCORE.name],
      [this.aliases, SCORE.aliasPrefix, SCORE.alias],
    ];
    for (const [keys, score, exactScore] of ranges) {
      for (const entry of keys.startingWith(phrase)) {
        // An exact tier ends where the keys stop being the phrase itself.
        if (exactScore === -1 && entry.key !== phrase) break;
        if (place(entry.slot, score)) return hits;
      }
    }
    for (const [score, typos] of [
      [SCORE.words, false],
      [SCORE.typo, true],
    ] as const) {
      for (const slot of this.matchingEveryWord(words, typos)) if (place(slot, score)) return hits;
    }
    for (const slot of this.matchingEveryTerm(terms)) if (place(slot, SCORE.description)) return hits;
    return hits;
  }

  /** Rough bytes held, for the log line at 1 M people (V8 object and string overheads included). */
  approximateBytes(): number {
    let textBytes = 0;
    let termPostings = 0;
    for (const text of this.texts) textBytes += 2 * (text.name.length + 24) + text.aliases.length * 48;
    for (const termText of this.termTexts) {
      textBytes += termText.length + 16;
      termPostings += termText === '' ? 0 : termText.split(' ').length;
    }
    const postings = (this.ids.length * 2 + termPostings) * 8 + (this.words.size + this.terms.size) * 96;
    const sorted = (this.names.size + this.aliases.size) * 40;
    return textBytes + postings + sorted + this.ids.length * (40 + 8 + 8) + this.nameRank.byteLength;
  }

  /** Slots where each typed word starts (or, with typos, is one edit from) a word, in name order. */
  private matchingEveryWord(typed: readonly string[], typos: boolean): number[] {
    let candidates: Set<number> | undefined;
    for (const word of typed) {
      const found = new Set<number>();
      const take = (postings: readonly number[]) => {
        for (const slot of postings) {
          if (this.labels[slot] !== undefined && (!candidates || candidates.has(slot))) found.add(slot);
        }
      };
      for (const [, postings] of this.words.atPrefix(word)) take(postings);
      if (typos && typoAllowed(word)) {
        // Levenshtein distance 2 covers a swap of neighbours; the exact test keeps one edit.
        for (const [term, [postings]] of this.words.fuzzyGet(word, 2)) if (withinOneEdit(word, term)) take(postings);
      }
      candidates = found;
      if (candidates.size === 0) return [];
    }
    return [...(candidates ?? [])].sort((a, b) => (this.nameRank[a] ?? 0) - (this.nameRank[b] ?? 0));
  }

  /**
   * Slots where each term starts a description term or a word of the name or an
   * alias, in name order. The terms are intersected from the one with the fewest
   * postings: a common word ("police") can sit in most descriptions, and starting
   * from it would walk them all.
   */
  private matchingEveryTerm(typed: readonly string[]): number[] {
    if (typed.length === 0) return [];
    const lists = typed
      .map((term) => {
        const postings = [...this.terms.atPrefix(term).values(), ...this.words.atPrefix(term).values()];
        return { postings, size: postings.reduce((sum, list) => sum + list.length, 0) };
      })
      .sort((a, b) => a.size - b.size);
    let candidates: Set<number> | undefined;
    for (const { postings } of lists) {
      const found = new Set<number>();
      for (const list of postings) {
        for (const slot of list) {
          if (this.labels[slot] !== undefined && (!candidates || candidates.has(slot))) found.add(slot);
        }
      }
      candidates = found;
      if (candidates.size === 0) return [];
    }
    return [...(candidates ?? [])].sort((a, b) => (this.nameRank[a] ?? 0) - (this.nameRank[b] ?? 0));
  }

  private retire(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.labels[slot] = undefined;
    this.dead += 1;
  }

  /**
   * Posting lists keep retired slots (filtering a common word's list on every
   * rename would cost a pass over it each time); once they are a fifth of all
   * slots, the lists are rebuilt from the texts held here.
   */
  private compact(): void {
    if (this.dead * 5 < this.ids.length) return;
    this.words.clear();
    this.terms.clear();
    for (const slot of this.slotOf.values()) {
      this.post(slot, this.texts[slot] as FoldedNames, this.termTexts[slot] as string);
    }
    this.dead = 0;
  }

  private post(slot: number, text: FoldedNames, termText: string): void {
    for (const word of wordsOf(text)) postTo(this.words, word, slot);
    if (termText !== '') for (const term of termText.split(' ')) postTo(this.terms, term, slot);
  }

  private merge(names: readonly KeyEntry[], aliases: readonly KeyEntry[]): void {
    this.compact();
    const dead = (slot: number) => this.labels[slot] === undefined;
    this.names.merge(names, dead);
    this.aliases.merge(aliases, dead);
    const rank = new Int32Array(this.ids.length);
    let position = 0;
    for (const slot of this.names.slotsInOrder()) rank[slot] = position++;
    this.nameRank = rank;
  }
}

function postTo(map: SearchableMap<number[]>, key: string, slot: number): void {
  const postings = map.get(key);
  if (postings) postings.push(slot);
  else map.set(key, [slot]);
}

function wordsOf(text: FoldedNames): Set<string> {
  const words = new Set<string>();
  for (const part of [text.name, ...text.aliases]) for (const word of part.split(' ')) if (word !== '') words.add(word);
  return words;
}
