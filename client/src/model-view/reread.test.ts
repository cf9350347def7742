import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC } from './graph-doc.ts';
import { planAdd } from './graph-changes.ts';
import { entity, person, rel } from './fixtures.ts';
import { openedNotice, rereadDifference, rereadDoc } from './reread.ts';

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
  it('drops the identity a revoked clearance no longer returns, the person reached only through it, and keeps the rest', () => {
    // What an uncleared user gets back for the same ids: the person (asked for by id), no IDENTIFIES_AS.
    const doc = rereadDoc(canvas, { nodes: [informant, marc, nadia], relationships: [handles] });
    expect([...doc.relationships.keys()]).toEqual(['rel-nadia-heron']);
    expect([...doc.nodes.keys()].sort()).toEqual(['informant-heron', 'person-nadia']);
  });

  it('keeps a person who is still linked to the canvas by another relationship', () => {
    const knows = rel('rel-nadia-marc', 'person-nadia', 'person-marc', 'ASSOCIATE_OF');
    const linked = applyChange(canvas, planAdd(canvas, { nodes: [], relationships: [knows] }, { description: 'link' }));
    const doc = rereadDoc(linked, { nodes: [informant, marc, nadia], relationships: [handles, knows] });
    expect([...doc.nodes.keys()].sort()).toEqual(['informant-heron', 'person-marc', 'person-nadia']);
    expect([...doc.relationships.keys()].sort()).toEqual(['rel-nadia-heron', 'rel-nadia-marc']);
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

describe('rereadDifference', () => {
  it('counts a forged node and link as dropped and an edited description as corrected', () => {
    // A view file edited by hand: a description changed, a fake person with a PAID link.
    const forgedMarc = { ...marc, properties: { ...marc.properties, description: 'FORGED: convicted' } };
    const fake = person('person-fake', 'Fake Person');
    const paid = rel('rel-fake-paid', 'person-fake', 'person-nadia', 'PAID');
    const fromFile = applyChange(
      EMPTY_DOC,
      planAdd(
        EMPTY_DOC,
        { nodes: [informant, forgedMarc, nadia, fake], relationships: [handles, paid] },
        {
          description: 'file',
        },
      ),
    );
    const drawn = rereadDoc(fromFile, { nodes: [informant, marc, nadia], relationships: [handles] });
    expect(drawn.nodes.get('person-marc')?.properties['description']).toBe(marc.properties['description']);
    expect(drawn.nodes.has('person-fake')).toBe(false);
    expect(rereadDifference(fromFile, drawn)).toEqual({ dropped: 2, corrected: 1 });
  });

  it('finds no difference when the server returns the file exactly', () => {
    const drawn = rereadDoc(canvas, { nodes: [informant, marc, nadia], relationships: [identity, handles] });
    expect(rereadDifference(canvas, drawn)).toEqual({ dropped: 0, corrected: 0 });
  });
});

describe('openedNotice', () => {
  it('warns when the file held elements the database does not confirm', () => {
    const notice = openedNotice('case.json', canvas, { dropped: 2, corrected: 1 });
    expect(notice.kind).toBe('error');
    expect(notice.text).toContain('2 elements of the file are not in the database');
    expect(notice.text).toContain("1 differed from the database and shows the database's version");
  });

  it('is plain information when the database confirms the whole file', () => {
    expect(openedNotice('case.json', canvas, { dropped: 0, corrected: 0 })).toEqual({
      kind: 'info',
      text: 'Opened case.json: 3 nodes, 2 relationships as the database has them now.',
    });
  });
});
