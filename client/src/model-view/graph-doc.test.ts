import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, EMPTY_DOC, invertChange, type GraphDoc } from './graph-doc.ts';
import { planAdd, planHide, planRemove, planReplace, planShowAll, planTogglePin } from './graph-changes.ts';
import { person, rel } from './fixtures.ts';

const snapshot = (doc: GraphDoc) => ({
  nodes: [...doc.nodes.keys()].sort(),
  relationships: [...doc.relationships.keys()].sort(),
  hidden: [...doc.hidden].sort(),
  pinned: [...doc.pinned].sort(),
  omitted: [...doc.omitted].sort(),
});

const djeha = person('djeha', 'Mohamed Djeha', { aliases: ['Mimo'] });
const officer = person('officer-a', 'Ofast officer A');
const base = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    { nodes: [djeha, officer], relationships: [rel('r1', 'djeha', 'officer-a')] },
    { description: 'seed' },
  ),
);

describe('graph changes', () => {
  it('adds only relationships whose both ends are on the canvas', () => {
    const change = planAdd(base, { nodes: [], relationships: [rel('r2', 'djeha', 'elsewhere')] }, { description: 'x' });
    expect(change.addRelationships).toEqual([]);
  });

  it('records "+K more" counts and clears them when a later expansion reports none', () => {
    const expanded = applyChange(
      base,
      planAdd(base, { nodes: [], relationships: [], omitted: [{ id: 'djeha', count: 7 }] }, { description: 'x' }),
    );
    expect(expanded.omitted.get('djeha')).toBe(7);
    const again = planAdd(expanded, { nodes: [], relationships: [] }, { description: 'x', expanded: ['djeha'] });
    expect(applyChange(expanded, again).omitted.has('djeha')).toBe(false);
  });

  it('removing a node takes its relationships with it, and undo brings both back', () => {
    const change = planRemove(base, ['djeha']);
    const after = applyChange(base, change);
    expect([...after.nodes.keys()]).toEqual(['officer-a']);
    expect(after.relationships.size).toBe(0);
    expect(snapshot(applyChange(after, invertChange(change)))).toEqual(snapshot(base));
  });

  it('pin toggles: pins when any is unpinned, unpins when all are pinned', () => {
    const pinned = applyChange(base, planTogglePin(base, ['djeha']));
    expect(pinned.pinned.has('djeha')).toBe(true);
    expect(applyChange(pinned, planTogglePin(pinned, ['djeha'])).pinned.has('djeha')).toBe(false);
  });

  it('opening a workspace replaces the graph and is undoable', () => {
    const other = applyChange(
      EMPTY_DOC,
      planAdd(EMPTY_DOC, { nodes: [person('x')], relationships: [] }, { description: 'x' }),
    );
    const change = planReplace(base, other);
    const replaced = applyChange(base, change);
    expect([...replaced.nodes.keys()]).toEqual(['x']);
    expect(snapshot(applyChange(replaced, invertChange(change)))).toEqual(snapshot(base));
  });

  it('every planned change is exactly undone by its inverse (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const id = fc.constantFrom(...ids);
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        nodes: fc.subarray(ids),
        edges: fc.array(fc.tuple(id, id), { maxLength: 4 }),
        more: fc.option(fc.tuple(id, fc.nat(5))),
      }),
      fc.record({ kind: fc.constant('remove' as const), ids: fc.subarray(ids) }),
      fc.record({ kind: fc.constant('hide' as const), ids: fc.subarray(ids) }),
      fc.record({ kind: fc.constant('show' as const) }),
      fc.record({ kind: fc.constant('pin' as const), ids: fc.subarray(ids) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let doc = EMPTY_DOC;
        for (const s of steps) {
          const change =
            s.kind === 'add'
              ? planAdd(
                  doc,
                  {
                    nodes: s.nodes.map((n) => person(n)),
                    relationships: s.edges.map(([a, b]) => rel(`${a}-${b}`, a, b)),
                    omitted: s.more ? [{ id: s.more[0], count: s.more[1] }] : [],
                  },
                  { description: 'add' },
                )
              : s.kind === 'remove'
                ? planRemove(doc, s.ids)
                : s.kind === 'hide'
                  ? planHide(doc, s.ids)
                  : s.kind === 'show'
                    ? planShowAll(doc)
                    : planTogglePin(doc, s.ids);
          const next = applyChange(doc, change);
          expect(snapshot(applyChange(next, invertChange(change)))).toEqual(snapshot(doc));
          doc = next;
        }
      }),
    );
  });
});
