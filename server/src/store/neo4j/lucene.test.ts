import { describe, expect, it } from 'vitest';
import { searchWords } from '../search/terms.ts';
import { luceneQuery } from './lucene.ts';

describe('luceneQuery', () => {
  it('folds case and accents like the index analyzer', () => {
    expect(searchWords('Élodie  MÜLLER')).toEqual(['elodie', 'muller']);
    expect(luceneQuery('Élodie')).toBe(
      '((name:(elodie^2 OR elodie* OR elodie~1) OR aliases:(elodie^2 OR elodie* OR elodie~1))^8 OR description:elodie*)',
    );
    expect(searchWords('Œuvre Søren Łódź')).toEqual(['oeuvre', 'soren', 'lodz']);
  });

  it('leaves no Lucene syntax from user text in the query', () => {
    const query = luceneQuery('a* OR b:(c) "d" \\e~ f^3 -g +h && i || !j [k TO l] /m/') ?? '';
    // Only the structure luceneQuery writes itself: one clause per word, joined by AND.
    for (const clause of query.split(' AND ')) {
      expect(clause).toMatch(
        /^\(\(name:\(([\p{L}\p{N}]+)\^2 OR \1\*( OR \1~1)?\) OR aliases:\(\1\^2 OR \1\*\2\)\)\^8 OR description:\1\*\)$/u,
      );
    }
    expect(searchWords('a* OR b:(c)')).toEqual(['a', 'or', 'b', 'c']);
  });

  it("keeps names with an apostrophe whole, as the index's tokenizer does", () => {
    expect(searchWords("N'Diaye, d’Artagnan-Roux")).toEqual(["n'diaye", 'd’artagnan', 'roux']);
  });

  it('lets a word of four letters or more be one edit away, so "Djha" finds Djeha', () => {
    expect(luceneQuery('Djha')).toContain('name:(djha^2 OR djha* OR djha~1)');
    expect(luceneQuery('dje')).toBe('((name:(dje^2 OR dje*) OR aliases:(dje^2 OR dje*))^8 OR description:dje*)');
  });

  it('requires every word', () => {
    expect(luceneQuery('ab cd')?.split(' AND ')).toHaveLength(2);
  });

  it('leaves out the stop words the index never holds, unless nothing else is left', () => {
    expect(luceneQuery('Port of Marseille')).not.toMatch(/\bof\b/);
    // A stop word alone starts a name ("in" finds "Ingrid"), never a description word.
    expect(luceneQuery('in')).toBe('(name:(in*) OR aliases:(in*))');
  });

  it('looks for a word in descriptions by prefix only, and below names (issue 15: "reservist")', () => {
    const query = luceneQuery('reservist') ?? '';
    expect(query).toContain('description:reservist*');
    expect(query).not.toContain('description:reservist~');
  });

  it('gives nothing to search for when the text has no word', () => {
    expect(luceneQuery(' *?! ')).toBeUndefined();
  });
});
