import type { Entity, Relationship } from '../api/types.ts';

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01, UTC) of an ISO date, datetime, "YYYY-MM" or "YYYY"; undefined if not a date. */
export function toDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : undefined;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A closed interval of days; `from` may equal `to` for a one-off fact. */
export interface DayInterval {
  readonly from: number;
  readonly to: number;
}

/** When a relationship held: `at` for one-off facts, `since`/`until` for states (open ends stay open). */
export function relationshipInterval(rel: Relationship): DayInterval | undefined {
  const at = toDay(rel.properties['at']);
  if (at !== undefined) return { from: at, to: at };
  const since = toDay(rel.properties['since']);
  const until = toDay(rel.properties['until']);
  if (since === undefined && until === undefined) return undefined;
  return { from: since ?? Number.NEGATIVE_INFINITY, to: until ?? Number.POSITIVE_INFINITY };
}

/** Events are dated nodes (`at`); other nodes carry no time of their own. */
export function nodeInterval(node: Entity): DayInterval | undefined {
  if (node.label !== 'Event') return undefined;
  const at = toDay(node.properties['at']);
  return at === undefined ? undefined : { from: at, to: at };
}

export const overlaps = (a: DayInterval, b: DayInterval): boolean => a.from <= b.to && b.from <= a.to;

/** Every finite date in the view, for the time bar. */
export function datesInView(nodes: Iterable<Entity>, relationships: Iterable<Relationship>): number[] {
  const days: number[] = [];
  for (const rel of relationships) {
    const interval = relationshipInterval(rel);
    if (!interval) continue;
    if (Number.isFinite(interval.from)) days.push(interval.from);
    if (Number.isFinite(interval.to) && interval.to !== interval.from) days.push(interval.to);
  }
  for (const node of nodes) {
    const interval = nodeInterval(node);
    if (interval) days.push(interval.from);
  }
  return days;
}

const MIN_SPAN_DAYS = 366;

export interface Histogram {
  /** First day of the first bin. */
  readonly start: number;
  /** Width of every bin in days. */
  readonly binDays: number;
  readonly counts: readonly number[];
}

/** Equal-width bins over the span of `days`; undefined when there is nothing dated. */
export function histogram(days: readonly number[], binCount = 40): Histogram | undefined {
  if (days.length === 0) return undefined;
  let start = days.reduce((a, b) => Math.min(a, b));
  let end = days.reduce((a, b) => Math.max(a, b));
  // A span under a year is widened to one, centred, so the range slider always has room to move.
  if (end - start < MIN_SPAN_DAYS) {
    const pad = Math.ceil((MIN_SPAN_DAYS - (end - start)) / 2);
    start -= pad;
    end += pad;
  }
  const binDays = Math.max(1, Math.ceil((end - start + 1) / binCount));
  const bins = Math.max(1, Math.ceil((end - start + 1) / binDays));
  const counts = new Array<number>(bins).fill(0);
  for (const day of days) {
    const index = Math.min(bins - 1, Math.floor((day - start) / binDays));
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return { start, binDays, counts };
}

/** The day interval covered by bins `[fromBin, toBin]` (inclusive). */
export function binsToInterval(h: Histogram, fromBin: number, toBin: number): DayInterval {
  return { from: h.start + fromBin * h.binDays, to: h.start + (toBin + 1) * h.binDays - 1 };
}
