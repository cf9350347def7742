/** The interface language for components: the context the provider fills, and hooks to read it. */
import { createContext, useContext } from 'react';
import { DICTIONARIES, type Messages } from './current.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';
import type { Locale } from './locale.ts';

export { messages } from './current.ts';
export interface I18n {
  readonly locale: Locale;
  readonly t: Messages;
  setLocale(locale: Locale): void;
  date(iso: string): string;
  dateTime(iso: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

export function makeI18n(locale: Locale, setLocale: (locale: Locale) => void): I18n {
  return {
    locale,
    t: DICTIONARIES[locale],
    setLocale,
    date: (iso) => formatDate(locale, iso),
    dateTime: (iso) => formatDateTime(locale, iso),
    number: (value, options) => formatNumber(locale, value, options),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en', () => undefined));

export const useI18n = (): I18n => useContext(I18nContext);

/** The words of the current language, for a component. */
export const useT = (): Messages => useContext(I18nContext).t;
