import { describe, expect, it } from 'vitest';
import { SnapshotBuilder, typeMask } from './AdjacencySnapshot.ts';

function neighbours(
  snapshot: ReturnType<SnapshotBuilder['finish']>,
  id: string,
  mask = typeMask({ hiddenRelTypes: [] }),
) {
  const out: string[] = [];
  snapshot.forEachNeighbour(snapshot.indexOf(id) ?? -1, mask, (other, rel) => {
    const r = snapshot.relationship(rel);
    out.push(`${r.type}:${snapshot.idOf(other)}#${r.ref}`);
  });
  return out;
}

describe('AdjacencySnapshot', () => {
  const builder = new SnapshotBuilder();
  const informant = builder.addNode('i-x', 'Informant');
  const person = builder.addNode('p-a', 'Person');
  const other = builder.addNode('p-b', 'Person');
  const again = builder.addNode('p-a', 'Person');
  builder.addRelationship({ ref: 7, type: 'IDENTIFIES_AS', source: informant, target: person });
  builder.addRelationship({ ref: 8, type: 'ASSOCIATE_OF', source: person, target: other });
  builder.addRelationship({ ref: 9, type: 'ASSOCIATE_OF', source: other, target: other });
  const snapshot = builder.finish();

  it('lists each relationship at both ends, and a self-loop once', () => {
    expect(neighbours(snapshot, 'p-a')).toEqual(['IDENTIFIES_AS:i-x#7', 'ASSOCIATE_OF:p-b#8']);
    expect(neighbours(snapshot, 'p-b')).toEqual(['ASSOCIATE_OF:p-a#8', 'ASSOCIATE_OF:p-b#9']);
    expect(snapshot.relationshipCount).toBe(3);
    expect(again).toBe(person);
    expect(snapshot.nodeCount).toBe(3);
    expect(snapshot.countOf('Person')).toBe(2);
    expect(snapshot.labelOf(informant)).toBe('Informant');
  });

  it('never follows a type the scope hides, nor one outside the asked types', () => {
    const uncleared = typeMask({ hiddenRelTypes: ['IDENTIFIES_AS'] });
    expect(neighbours(snapshot, 'p-a', uncleared)).toEqual(['ASSOCIATE_OF:p-b#8']);
    expect(neighbours(snapshot, 'i-x', uncleared)).toEqual([]);
    // Asking for a hidden type does not reveal it.
    expect(neighbours(snapshot, 'i-x', typeMask({ hiddenRelTypes: ['IDENTIFIES_AS'] }, ['IDENTIFIES_AS']))).toEqual([]);
    expect(neighbours(snapshot, 'p-a', typeMask({ hiddenRelTypes: [] }, ['IDENTIFIES_AS']))).toEqual([
      'IDENTIFIES_AS:i-x#7',
    ]);
  });
});
