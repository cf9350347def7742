/**
 * The interface's words, in English and French.
 *
 * A typed dictionary rather than i18next or react-intl: two languages, no pluralisation engine
 * beyond what a function per message gives, no extraction tooling, no new dependency in the
 * bundle. `fr` is typed as `Messages` (the shape of `en`), so a message missing from either
 * language, or an extra one, fails `npm run typecheck`; messages that take values are functions,
 * so a French one cannot forget an argument. Dates and numbers go through Intl (format.ts).
 *
 * Modules outside React (commands, model-view words, error messages) read `messages()`, the
 * current language; components read it through `useI18n()`, so a switch re-renders them.
 */
import { en, type Messages } from './en.ts';
import { fr } from './fr.ts';
import type { Locale } from './locale.ts';

export type { Messages } from './en.ts';

export const DICTIONARIES: Readonly<Record<Locale, Messages>> = { en, fr };

let current: Locale = 'en';

/** Sets the language `messages()` answers in; the provider calls it before re-rendering. */
export function setCurrentLocale(locale: Locale): void {
  current = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The words of the current language, for code outside components (no React here: model-view uses it). */
export const messages = (): Messages => DICTIONARIES[current];
