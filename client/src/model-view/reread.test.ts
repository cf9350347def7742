import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';
import { planAdd } from './graph-changes.ts';
import { entity, person, rel } from './fixtures.ts';
import { rereadDoc } from './reread.ts';

const informant = entity('informant-heron', 'Informant');
const marc = person('person-marc', 'Marc Férat');
const nadia = person('person-nadia', 'Nadia');
const identity = rel('rel-heron-marc', 'informant-heron', 'person-marc', 'IDENTIFIES_AS');
const handles = rel('rel-nadia-heron', 'person-nadia', 'informant-heron', 'HANDLES');
const canvas = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    { nodes: [informant, marc, nadia], relationships: [identity, handles] },
    { description: 'cleared canvas' },
  ),
);

describe('rereadDoc', () => {
  it('drops the identity a revoked clearance no longer returns, and keeps what the server still gives', () => {
    // What an uncleared user gets back for the same ids: no IDENTIFIES_AS.
    const doc = rereadDoc(canvas, { nodes: [informant, marc, nadia], relationships: [handles] });
    expect([...doc.relationships.keys()]).toEqual(['rel-nadia-heron']);
    expect([...doc.nodes.keys()].sort()).toEqual(['informant-heron', 'person-marc', 'person-nadia']);
  });

  it('drops a node the server no longer returns, its relationships, pins and hidden marks with it', () => {
    const pinned = { ...canvas, pinned: new Set(['informant-heron']), hidden: new Set(['informant-heron']) };
    const doc = rereadDoc(pinned, { nodes: [marc, nadia], relationships: [identity, handles] });
    expect([...doc.nodes.keys()].sort()).toEqual(['person-marc', 'person-nadia']);
    expect(doc.relationships.size).toBe(0);
    expect(doc.pinned.size + doc.hidden.size).toBe(0);
  });

  it('draws the server copy, not the remembered one', () => {
    const renamed = { ...marc, name: 'Marc F.' };
    expect(rereadDoc(canvas, { nodes: [renamed], relationships: [] }).nodes.get('person-marc')?.name).toBe('Marc F.');
  });
});
