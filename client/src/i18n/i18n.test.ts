import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, plainMessage } from '../api/errors.ts';
import { propertyName } from '../model-view/property-names.ts';
import { ruleTitle } from '../model-view/red-flags.ts';
import { setCurrentLocale } from './current.ts';
import { en } from './en.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';
import { fr } from './fr.ts';
import { chooseLocale } from './locale.ts';
import { labelName, typeName } from './model-words.ts';
import { untranslatedText } from './untranslated-scan.ts';

/** Every leaf of a dictionary by its dotted path: a string, or what a function gives for sample values. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'function') {
    // Messages take numbers, strings or one object of strings: the first that the message accepts.
    const call = value as (...args: unknown[]) => unknown;
    const attempts = [
      () => call(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : 'x'))),
      () => call(...Array.from({ length: value.length }, () => '2024-03-05')),
      () => call({ at: 'x', user: 'x', action: 'x', grading: 'x', sources: 'x' }),
    ];
    const texts = attempts.flatMap((attempt) => {
      try {
        const text = String(attempt());
        return text.includes('undefined') ? [] : [text];
      } catch {
        return [];
      }
    });
    out.set(prefix, texts[0] ?? '');
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

/** Maps keyed by data (property keys) may name more in French, where the English derives words from the key. */
const OPEN_MAPS = ['properties.'];

describe('the dictionaries', () => {
  const english = leaves(en);
  const french = leaves(fr);

  it('have the same keys', () => {
    const closed = (keys: Iterable<string>) => [...keys].filter((k) => !OPEN_MAPS.some((m) => k.startsWith(m)));
    expect(closed(french.keys()).sort()).toEqual(closed(english.keys()).sort());
    const missing = [...english.keys()].filter((k) => !french.has(k));
    expect(missing).toEqual([]);
  });

  it('have no empty message', () => {
    const empty = [...english, ...french].filter(([, text]) => text.trim() === '' || text.includes('undefined'));
    expect(empty).toEqual([]);
  });

  it('say something different in French for the interface words (not English left in place)', () => {
    const same = [
      'tabs.details',
      'signIn.submit',
      'toolbar.undo',
      'common.expand',
      'tabs.paths',
      'tabs.redFlags',
    ].filter((k) => english.get(k) === french.get(k));
    expect(same).toEqual([]);
  });
});

/**
 * Text that is the same in both languages on purpose: the product's name, the language menu (named
 * in both, each language in itself) and a model label used as a value, not shown as written.
 */
const ALLOWED = new Set(['Maillon', 'aria-label="Langue / Language"', "'English'", "'Person'"]);

function componentFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [full] : [];
  });
}

describe('components', () => {
  it('write no interface text of their own: every word comes from the dictionaries', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const found = componentFiles(root).flatMap((file) =>
      untranslatedText(fs.readFileSync(file, 'utf8'))
        .filter((f) => !ALLOWED.has(f.text))
        .map((f) => `${path.relative(root, file)}:${f.line} ${f.text}`),
    );
    expect(found).toEqual([]);
  });

  it('the scan finds text between tags and literal labels, titles and placeholders', () => {
    const source = [
      'export const A = () => (',
      '  <div title="Zoom in">',
      '    <button aria-label={t.close}>Close</button>',
      '    <p className="muted">',
      '      No places on the canvas yet.',
      '    </p>',
      '    <input placeholder="Name" />',
      '    <span>{t.ok}</span> · <kbd>?</kbd>',
      "    <li>{' '}alleged (suspect)</li>",
      '  </div>',
      ');',
      'const m = new Map<string, number>();',
      'const f = (a: number) => a > 1;',
      "const label = pinned ? 'Unpin' : 'Pin';",
      "if (e.key === 'Enter') pick();",
    ].join('\n');
    expect(untranslatedText(source).map((f) => [f.line, f.text])).toEqual([
      [3, 'Close'],
      [4, 'No places on the canvas yet.'],
      [9, 'alleged (suspect)'],
      [2, 'title="Zoom in"'],
      [7, 'placeholder="Name"'],
      [14, "'Unpin'"],
      [14, "'Pin'"],
    ]);
  });
});

describe('the locale', () => {
  it('is French for a French browser', () => {
    expect(chooseLocale({ saved: null, languages: ['fr-FR', 'fr', 'en-US'] })).toBe('fr');
    expect(chooseLocale({ saved: null, languages: ['fr-BE'] })).toBe('fr');
  });

  it('is English for an English browser, and for a language the interface does not speak', () => {
    expect(chooseLocale({ saved: null, languages: ['en-US', 'fr-FR'] })).toBe('en');
    expect(chooseLocale({ saved: null, languages: ['de-DE', 'fr-FR'] })).toBe('fr');
    expect(chooseLocale({ saved: null, languages: ['de-DE'] })).toBe('en');
    expect(chooseLocale({ saved: null, languages: [] })).toBe('en');
  });

  it('is the one the user chose, whatever the browser asks for', () => {
    expect(chooseLocale({ saved: 'en', languages: ['fr-FR'] })).toBe('en');
    expect(chooseLocale({ saved: 'fr', languages: ['en-US'] })).toBe('fr');
    expect(chooseLocale({ saved: 'klingon', languages: ['fr-FR'] })).toBe('fr');
  });
});

describe('dates and numbers', () => {
  it('are written the French way in French and the English way in English', () => {
    expect(formatDate('fr', '2024-03-05')).toBe('5 mars 2024');
    expect(formatDate('en', '2024-03-05')).toBe('5 Mar 2024');
    expect(formatNumber('fr', 12345.5)).toBe('12\u202f345,5');
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
    expect(formatDateTime('fr', '2026-12-04T20:05:00Z')).toBe('4 déc. 2026, 20:05');
    expect(formatDateTime('en', '2026-12-04T20:05:00Z')).toBe('4 Dec 2026, 20:05');
  });

  it('leave partial dates and text that is not a date as written', () => {
    expect(formatDate('fr', '2019')).toBe('2019');
    expect(formatDate('fr', '2019-03')).toBe('2019-03');
    expect(formatDate('fr', 'unknown')).toBe('unknown');
  });
});

describe('words outside components', () => {
  afterEach(() => setCurrentLocale('en'));

  it('follow the current language: labels, types, properties, rules, errors', () => {
    setCurrentLocale('fr');
    expect(labelName('Person')).toBe('Personne');
    expect(typeName('PAID')).toBe('a payé');
    expect(propertyName('declaredKg')).toBe('Déclaré (kg)');
    expect(ruleTitle('shipment-discrepancy')).toBe('Écart sur une cargaison');
    expect(plainMessage(new ApiError('RATE_LIMITED', ''), fr.actions.findPaths)).toBe(
      'Impossible de chercher les chemins : trop de requêtes. Patientez un instant et réessayez.',
    );
    expect(plainMessage(new ApiError('NETWORK', ''), fr.actions.open('vue.json'))).toMatch(
      /^Impossible d'ouvrir vue.json/,
    );
    setCurrentLocale('en');
    expect(labelName('Person')).toBe('Person');
    expect(propertyName('declaredKg')).toBe('Declared (kg)');
    expect(plainMessage(new ApiError('RATE_LIMITED', ''), en.actions.findPaths)).toBe(
      'Could not find paths: too many requests. Wait a moment and try again.',
    );
  });
});
