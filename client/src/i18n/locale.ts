/**
 * Which language the interface speaks. French when the browser asks for it first, English
 * otherwise; a choice made with the switch wins and is remembered. The choice is a display
 * preference, not case data, so it may sit in localStorage.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const SAVED_KEY = 'maillon.locale';

const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'fr';

/** The saved choice if any, else the first of the browser's languages this interface speaks, else English. */
export function chooseLocale(input: { saved: string | null | undefined; languages: readonly string[] }): Locale {
  if (isLocale(input.saved)) return input.saved;
  for (const language of input.languages) {
    const primary = language.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

function savedLocale(): string | null {
  try {
    return localStorage.getItem(SAVED_KEY);
  } catch {
    return null;
  }
}

/** The locale for this browser, read once at start. */
export function initialLocale(): Locale {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return chooseLocale({ saved: savedLocale(), languages });
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(SAVED_KEY, locale);
  } catch {
    // Storage refused (private mode): the choice lasts until the page is reloaded.
  }
}
