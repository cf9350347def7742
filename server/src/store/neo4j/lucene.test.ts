import { describe, expect, it } from 'vitest';
import { luceneQuery, searchWords } from './lucene.ts';

describe('luceneQuery', () => {
  it('folds case and accents like the index analyzer', () => {
    expect(searchWords('Élodie  MÜLLER')).toEqual(['elodie', 'muller']);
    expect(luceneQuery('Élodie')).toBe('(elodie^2 OR elodie* OR elodie~1)');
    expect(searchWords('Œuvre Søren Łódź')).toEqual(['oeuvre', 'soren', 'lodz']);
  });

  it('leaves no Lucene syntax from user text in the query', () => {
    const query = luceneQuery('a* OR b:(c) "d" \\e~ f^3 -g +h && i || !j [k TO l] /m/') ?? '';
    // Only the structure luceneQuery writes itself: (word^2 OR word* [OR word~1]) clauses joined by AND.
    for (const clause of query.split(' AND ')) {
      expect(clause).toMatch(/^\(([\p{L}\p{N}]+)\^2 OR \1\*( OR \1~1)?\)$/u);
    }
    expect(searchWords('a* OR b:(c)')).toEqual(['a', 'or', 'b', 'c']);
  });

  it("keeps names with an apostrophe whole, as the index's tokenizer does", () => {
    expect(searchWords("N'Diaye, d’Artagnan-Roux")).toEqual(["n'diaye", 'd’artagnan', 'roux']);
  });

  it('lets a word of four letters or more be one edit away, so "Djha" finds Djeha', () => {
    expect(luceneQuery('Djha')).toBe('(djha^2 OR djha* OR djha~1)');
    expect(luceneQuery('dje')).toBe('(dje^2 OR dje*)');
  });

  it('requires every word', () => {
    expect(luceneQuery('ab cd')).toBe('(ab^2 OR ab*) AND (cd^2 OR cd*)');
  });

  it('leaves out the stop words the index never holds, unless nothing else is left', () => {
    expect(luceneQuery('Port of Marseille')).toBe(
      '(port^2 OR port* OR port~1) AND (marseille^2 OR marseille* OR marseille~1)',
    );
    expect(luceneQuery('in')).toBe('in*');
  });

  it('gives nothing to search for when the text has no word', () => {
    expect(luceneQuery(' *?! ')).toBeUndefined();
  });
});
