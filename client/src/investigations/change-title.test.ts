import { describe, expect, it } from 'vitest';
import { changeTitle } from './change-title.ts';

describe('changeTitle', () => {
  it('names an entity change by its label and a relationship change by its type', () => {
    expect(changeTitle({ op: 'createEntity', label: 'Person', id: 'p-9', properties: {} })).toBe('Person p-9');
    expect(changeTitle({ op: 'createRelationship', type: 'PAID', id: 'r-4', source: 'a', target: 'b' })).toBe(
      'PAID r-4',
    );
  });

  it('leaves out what the JSON does not carry as text', () => {
    expect(changeTitle({ op: 'createEntity', label: 7, id: 'p-1' })).toBe(' p-1');
  });
});
