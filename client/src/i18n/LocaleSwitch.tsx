import { useI18n } from './i18n.ts';
import { LOCALES, type Locale } from './locale.ts';

/** Each language named in itself, so a reader finds theirs whatever the interface speaks now. */
const NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français' };

/** The language switch; its accessible name is in both languages so it can be found from either. */
export function LocaleSwitch() {
  const { locale, setLocale } = useI18n();
  return (
    <select
      className="locale-switch"
      aria-label="Langue / Language"
      value={locale}
      onChange={(e) => setLocale(e.target.value as Locale)}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {NAMES[l]}
        </option>
      ))}
    </select>
  );
}
