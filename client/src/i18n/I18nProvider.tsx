import { useMemo, useState, type ReactNode } from 'react';
import { setCurrentLocale } from './current.ts';
import { I18nContext, makeI18n } from './i18n.ts';
import { initialLocale, saveLocale, type Locale } from './locale.ts';

/** Holds the interface language; a change re-renders every component that reads words. */
export function I18nProvider(props: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => {
    const chosen = initialLocale();
    setCurrentLocale(chosen);
    return chosen;
  });
  const value = useMemo(
    () =>
      makeI18n(locale, (next) => {
        saveLocale(next);
        setCurrentLocale(next);
        setLocale(next);
      }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}
