/**
 * Date handling for the rules. Values arrive as ISO strings ("2024-03-22" or a full
 * datetime) or, from some drivers, as Date objects; anything else counts as unknown.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/** The ISO string of a date-like value, or undefined when the value is not a date. */
export function isoOf(value: unknown): string | undefined {
  if (typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

/** Whether the value carries a time of day, not only a calendar date. */
const hasTime = (iso: string): boolean => iso.length > 10;

/** Days since the epoch of the calendar date (UTC) of an ISO value. */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / DAY_MS);
}

/** The calendar-date part, for summaries. */
export const dateOnly = (iso: string): string => iso.slice(0, 10);

export interface Period {
  readonly since?: string;
  readonly until?: string;
}

/** Whether `at` falls within the period, both ends inclusive, compared by calendar day; open ends are unbounded. */
export function periodCovers(period: Period, at: string): boolean {
  const day = dayOf(at);
  if (period.since !== undefined && day < dayOf(period.since)) return false;
  if (period.until !== undefined && day > dayOf(period.until)) return false;
  return true;
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  if (a.since !== undefined && b.until !== undefined && dayOf(b.until) < dayOf(a.since)) return false;
  if (b.since !== undefined && a.until !== undefined && dayOf(a.until) < dayOf(b.since)) return false;
  return true;
}

/**
 * How long after `earlier` the `later` value comes, in days (negative when it comes before).
 * Exact when both carry a time of day; otherwise by calendar day, because a date alone
 * does not say which came first within that day.
 */
export function daysAfter(earlier: string, later: string): number {
  if (hasTime(earlier) && hasTime(later)) return (Date.parse(later) - Date.parse(earlier)) / DAY_MS;
  return dayOf(later) - dayOf(earlier);
}

/** The earliest and latest of the given dates (undefined ones are ignored). */
export function dateSpan(values: ReadonlyArray<string | undefined>): { firstDate?: string; lastDate?: string } {
  const dated = values
    .filter((v): v is string => v !== undefined)
    .sort((a, b) => dayOf(a) - dayOf(b) || a.localeCompare(b));
  const first = dated[0];
  const last = dated[dated.length - 1];
  return first === undefined || last === undefined ? {} : { firstDate: first, lastDate: last };
}
