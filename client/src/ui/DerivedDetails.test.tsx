// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../model-view/filters.ts';
import { entity, person, rel } from '../model-view/fixtures.ts';
import { applyChange, EMPTY_DOC } from '../model-view/graph-doc.ts';
import { planAdd } from '../model-view/graph-changes.ts';
import { planGroup } from '../model-view/groups.ts';
import { projectView } from '../model-view/view-projection.ts';
import { derivedDetails } from './DerivedDetails.tsx';

const base = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    {
      nodes: [person('a', 'Officer A'), person('b', 'Officer B'), { ...entity('custody', 'Event'), name: 'Custody' }],
      relationships: [
        rel('a-custody', 'a', 'custody', 'INVOLVED_IN', { role: 'placed in custody' }),
        rel('b-custody', 'b', 'custody', 'INVOLVED_IN'),
      ],
    },
    { description: 'x' },
  ),
);

describe('details of derived elements', () => {
  afterEach(cleanup);

  it('shows the event and both original relationships for a collapsed link', () => {
    const projection = projectView({ doc: base, filters: NO_FILTERS, collapseEvents: true });
    const details = derivedDetails({ doc: base, projection, selection: ['via:custody:a:b'], onOpenGroup: () => {} });
    render(<>{details}</>);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Through the event: Custody');
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      'Officer A — INVOLVED_IN (placed in custody) → Custody',
      'Officer B — INVOLVED_IN → Custody',
    ]);
  });

  it('lists a group’s members, and gives way to the usual details for a workspace element', () => {
    const doc = applyChange(base, planGroup(base, { id: 'group:1', name: 'Pair', members: ['a', 'b'] }));
    const projection = projectView({ doc, filters: NO_FILTERS, collapseEvents: false });
    render(<>{derivedDetails({ doc, projection, selection: ['group:1'], onOpenGroup: () => {} })}</>);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Officer A', 'Officer B']);
    expect(derivedDetails({ doc, projection, selection: ['custody'], onOpenGroup: () => {} })).toBeUndefined();
  });
});
