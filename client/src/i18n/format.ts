import type { Locale } from './locale.ts';

/** The Intl locale behind each interface language: British English writes dates day first, as the French do. */
const INTL: Readonly<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR' };

/** Only a full calendar date is reformatted: '2019' or '2019-03' stay as written, not as 1 January. */
const parse = (iso: string): Date | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** A calendar date ('2024-03-05' → '5 Mar 2024' / '5 mars 2024'); text that is not a date is shown as given. */
export function formatDate(locale: Locale, iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A date and time to the minute, in UTC as the audit records it. */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(INTL[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
}

/** A number with the locale's separators ('12,345.5' / '12 345,5'). */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL[locale], options).format(value);
}
