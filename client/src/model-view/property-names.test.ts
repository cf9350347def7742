import { describe, expect, it } from 'vitest';
import { modelPropertyKeys, propertyName } from './property-names.ts';

describe('property names as words', () => {
  it('names the quantities with their unit and the dates by what happened', () => {
    expect(propertyName('declaredKg')).toBe('Declared (kg)');
    expect(propertyName('seizedKg')).toBe('Seized (kg)');
    expect(propertyName('birthDate')).toBe('Birth date');
    expect(propertyName('staffWithFileAccess')).toBe('Staff with file access');
    expect(propertyName('departedAt')).toBe('Departed');
  });

  it('gives every property of the model a name in words, none the raw key', () => {
    const keys = modelPropertyKeys();
    expect(keys).toEqual(expect.arrayContaining(['declaredKg', 'birthDate', 'publishedAt', 'lat']));
    for (const key of keys) {
      const name = propertyName(key);
      expect(name, key).toMatch(/^[A-Z]/);
      // No camelCase left over, and no unit glued to a word ("Kg", "Eur").
      expect(name, key).not.toMatch(/[a-z][A-Z]|Kg|Eur\b/);
    }
  });

  it('reads a key the model does not know from its camelCase', () => {
    expect(propertyName('vesselName')).toBe('Vessel name');
  });
});
