import { describe, expect, it } from 'vitest';
import { cypherMap, cypherName, cypherString, cypherValue } from './cypher-literal.ts';

describe('export literals', () => {
  it('escapes quotes, backslashes and control characters, and keeps other characters as they are', () => {
    expect(cypherString('Jean "Le Chat" O\'Brien')).toBe('"Jean \\"Le Chat\\" O\'Brien"');
    expect(cypherString('a\\b\nc\r\td')).toBe('"a\\\\b\\nc\\r\\td"');
    expect(cypherString('\u0001\u007f')).toBe('"\\u0001\\u007f"');
    expect(cypherString('Zoë 東京 😀')).toBe('"Zoë 東京 😀"');
    // A surrogate standing alone cannot travel in UTF-8: it is escaped, not replaced.
    expect(cypherString('x\ud800y')).toBe('"x\\ud800y"');
  });

  it('writes floats that stay floats and integers with every digit', () => {
    expect(cypherValue(180)).toBe('180.0');
    expect(cypherValue(360.5)).toBe('360.5');
    expect(cypherValue(2.5e-8)).toBe('2.5e-8');
    expect(cypherValue(1e21)).toBe('1e21');
    expect(cypherValue(-0)).toBe('-0.0');
    expect(cypherValue(9007199254740993n)).toBe('9007199254740993');
    expect(cypherValue(-9223372036854775808n)).toBe('-9223372036854775808');
    expect(() => cypherValue(Number.NaN)).toThrow(/no Cypher literal/);
  });

  it('writes temporals through their function, lists and maps with keys in a stable order', () => {
    expect(cypherValue({ temporal: 'date', iso: '2024-03-22' })).toBe('date("2024-03-22")');
    expect(cypherValue(['a', true, 1n])).toBe('["a", true, 1]');
    expect(cypherMap({ name: 'x', aliases: [], at: '2024' })).toBe('{aliases:[], at:"2024", name:"x"}');
    expect(cypherName('odd key')).toBe('`odd key`');
  });
});
