import { describe, expect, it } from 'vitest';
import { mentionsIn } from './mentions.ts';

describe('mentions in a note', () => {
  it('finds each @username once, not e-mail addresses', () => {
    expect(mentionsIn('@ben see this; @Ben again, cc @chloe.r. Mail ana@example.org')).toEqual(['ben', 'chloe.r']);
  });
  it('finds nothing in plain text', () => {
    expect(mentionsIn('no one @ all')).toEqual([]);
  });
});
