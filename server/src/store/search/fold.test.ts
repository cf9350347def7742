import { describe, expect, it } from 'vitest';
import { normaliseForSearch, searchTextOf, searchTokens } from './fold.ts';

describe('search text', () => {
  it('folds case, accents and letters NFD leaves alone', () => {
    expect(normaliseForSearch('Hervé')).toBe('herve');
    expect(normaliseForSearch('ŒUVRE Straße Øresund Łódź')).toBe('oeuvre strasse oresund lodz');
    expect(normaliseForSearch('He\u0301rve\u0301')).toBe('herve');
  });

  it('turns punctuation and query syntax into plain word breaks', () => {
    expect(normaliseForSearch(`  "Mimo*" OR (x) -- 'l\\'ami'  `)).toBe('mimo or x l ami');
    expect(searchTokens('*"()')).toEqual([]);
    expect(searchTokens('Mohamed  DJÉHA')).toEqual(['mohamed', 'djeha']);
  });

  it('keeps name first and each alias between bars, so exact matches can be told apart', () => {
    expect(searchTextOf('Hervé Marchal', ['Mimo', 'Le Gros'])).toBe('|herve marchal|mimo|le gros|');
    expect(searchTextOf(null, null)).toBe('||');
  });
});
