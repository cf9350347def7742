/**
 * A briefing: what one view of an investigation shows, as plain data ready to print.
 * Everything in it was on the view when it was made; nothing is fetched while rendering.
 */

/** A Document behind a fact, as far as the reader may see it. */
export interface BriefingDocument {
  readonly id: string;
  readonly title: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly publishedAt?: string;
}

interface BriefingEntity {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  /** Admiralty grading such as "B2", for facts added from the explorer. */
  readonly grading?: string;
  readonly sources: readonly string[];
}

interface BriefingRelationship {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  /** When it held: `at`, or `since – until`; empty when undated. */
  readonly when: string;
  readonly grading?: string;
  readonly sources: readonly string[];
}

export interface BriefingNote {
  /** The name of the element the note is on, or "the view". */
  readonly about: string;
  readonly author: string;
  readonly at: string;
  readonly text: string;
}

export interface BriefingFlag {
  readonly rule: string;
  readonly severity: string;
  readonly summary: string;
  readonly dates: string;
}

export type BriefingFlags =
  | { readonly phase: 'listed'; readonly flags: readonly BriefingFlag[] }
  | { readonly phase: 'unavailable'; readonly reason: string };

export interface Briefing {
  readonly title: string;
  readonly caseNumber: string;
  readonly preparedBy: string;
  /** ISO datetime the briefing was made. */
  readonly preparedAt: string;
  /** The purpose of access the data was read under. */
  readonly purpose: string;
  /** The chart as a PNG data URL; undefined when the canvas could not draw one. */
  readonly chart?: string;
  readonly entities: readonly BriefingEntity[];
  readonly relationships: readonly BriefingRelationship[];
  readonly documents: readonly BriefingDocument[];
  readonly notes: readonly BriefingNote[];
  readonly redFlags: BriefingFlags;
}
