import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import { entity, person, rel } from './fixtures.ts';
import { applyChange, EMPTY_DOC, invertChange, type GraphDoc } from './graph-doc.ts';
import { planAdd, planReplace } from './graph-changes.ts';
import { planGroup, planUngroup } from './groups.ts';
import { EVENT_LINK_TYPE, projectView } from './view-projection.ts';
import { workspaceReducer, INITIAL_WORKSPACE } from './workspace-state.ts';

const build = (nodes: ReturnType<typeof person>[], relationships: ReturnType<typeof rel>[]): GraphDoc =>
  applyChange(EMPTY_DOC, planAdd(EMPTY_DOC, { nodes, relationships }, { description: 'test' }));

/** Two officers taken into custody together, their agency there too, and Djeha apart. */
const doc = build(
  [
    person('officer-a', 'Officer A'),
    person('officer-b', 'Officer B'),
    person('officer-c', 'Officer C'),
    person('djeha', 'Djeha'),
    entity('custody', 'Event', { at: '2025-03-31' }),
    entity('indictment', 'Event', { at: '2025-04-01' }),
    entity('ofast', 'Agency'),
  ],
  [
    rel('a-custody', 'officer-a', 'custody', 'INVOLVED_IN', { role: 'placed in custody' }),
    rel('b-custody', 'officer-b', 'custody', 'INVOLVED_IN'),
    rel('c-custody', 'officer-c', 'custody', 'INVOLVED_IN'),
    rel('ofast-custody', 'ofast', 'custody', 'INVOLVED_IN'),
    rel('a-indictment', 'officer-a', 'indictment', 'INVOLVED_IN'),
    rel('b-indictment', 'officer-b', 'indictment', 'INVOLVED_IN'),
    rel('a-ofast', 'officer-a', 'ofast', 'EMPLOYED_BY'),
    rel('djeha-a', 'djeha', 'officer-a', 'PAID', { amount: 100 }),
  ],
);

const eventLinks = (d: GraphDoc, filters = NO_FILTERS) =>
  projectView({ doc: d, filters, collapseEvents: true })
    .edges.filter((e) => e.type === EVENT_LINK_TYPE)
    .map((e) => `${e.source}-${e.target} via ${e.event?.id}`)
    .sort();

describe('collapsing X–Event–Y into direct links', () => {
  it('links each pair of people an event joins, labelled with the event, and stops drawing the events', () => {
    const view = projectView({ doc, filters: NO_FILTERS, collapseEvents: true });
    expect(eventLinks(doc)).toEqual([
      // The agency there too: a person and an agency are combined as two people are.
      'ofast-officer-a via custody',
      'ofast-officer-b via custody',
      'ofast-officer-c via custody',
      'officer-a-officer-b via custody',
      'officer-a-officer-b via indictment',
      'officer-a-officer-c via custody',
      'officer-b-officer-c via custody',
    ]);
    expect(view.visible.nodes.has('custody')).toBe(false);
    expect(view.visible.relationships.has('a-custody')).toBe(false);
    // The agency's own relationships stay as they are.
    expect(view.visible.relationships.has('a-ofast')).toBe(true);
    const link = view.edges.find((e) => e.id === 'via:custody:officer-a:officer-b');
    expect(link?.caption).toBe('custody');
    expect(link?.relationships.map((r) => r.id)).toEqual(['a-custody', 'b-custody']);
  });

  it('combines a person with the organisation, agency, shipment or place an event links them to, never two events', () => {
    const raid = build(
      [
        person('djeha', 'Djeha'),
        entity('clan', 'Organization'),
        entity('customs', 'Agency'),
        entity('containers', 'Shipment'),
        entity('marseille', 'Location'),
        entity('seizure', 'Event', { at: '2024-04-02' }),
        entity('tip-off', 'Event', { at: '2024-04-01' }),
      ],
      [
        rel('djeha-seizure', 'djeha', 'seizure', 'INVOLVED_IN', { role: 'owner' }),
        rel('clan-seizure', 'clan', 'seizure', 'INVOLVED_IN'),
        rel('customs-seizure', 'customs', 'seizure', 'INVOLVED_IN', { role: 'seized' }),
        rel('containers-seizure', 'containers', 'seizure', 'INVOLVED_IN'),
        rel('seizure-marseille', 'seizure', 'marseille', 'OCCURRED_AT'),
        // An Event–Event link (an admin's own type): neither event becomes an end of the other.
        rel('tip-seizure', 'tip-off', 'seizure', 'INVOLVED_IN'),
      ],
    );
    const links = eventLinks(raid);
    expect(links).toEqual(
      [
        'clan-containers via seizure',
        'clan-customs via seizure',
        'clan-djeha via seizure',
        'clan-marseille via seizure',
        'containers-customs via seizure',
        'containers-djeha via seizure',
        'containers-marseille via seizure',
        'customs-djeha via seizure',
        'customs-marseille via seizure',
        'djeha-marseille via seizure',
      ].sort(),
    );
    expect(links.some((l) => l.includes('tip-off'))).toBe(false);
    const view = projectView({ doc: raid, filters: NO_FILTERS, collapseEvents: true });
    const arrest = view.edges.find((e) => e.id === 'via:seizure:customs:djeha');
    expect(arrest?.caption).toBe('seizure');
    expect(arrest?.relationships.map((r) => r.id)).toEqual(['customs-seizure', 'djeha-seizure']);
    expect(view.visible.nodes.has('tip-off')).toBe(false);
  });

  it('never combines a relationship that is not on the canvas: a restricted link the viewer lacks stays absent', () => {
    // The viewer holds C's person node but not C's INVOLVED_IN (withheld or never expanded).
    const withoutC = build(
      [...doc.nodes.values()],
      [...doc.relationships.values()].filter((r) => r.id !== 'c-custody'),
    );
    const links = eventLinks(withoutC);
    expect(links.some((l) => l.includes('officer-c'))).toBe(false);
    expect(links).toContain('officer-a-officer-b via custody');
  });

  it('combines only what the filters draw, and keeps people linked while Events are filtered out', () => {
    const noInvolved = eventLinks(doc, { ...NO_FILTERS, hiddenTypes: ['INVOLVED_IN'] });
    expect(noInvolved).toEqual([]);
    const eventsHidden = eventLinks(doc, { ...NO_FILTERS, hiddenLabels: ['Event'] });
    expect(eventsHidden).toHaveLength(7);
    const hiddenB = eventLinks({ ...doc, hidden: new Set(['officer-b']) });
    expect(hiddenB).toEqual([
      'ofast-officer-a via custody',
      'ofast-officer-c via custody',
      'officer-a-officer-c via custody',
    ]);
  });

  it('turning it off gives the original view back', () => {
    const off = projectView({ doc, filters: NO_FILTERS, collapseEvents: false });
    expect(off.edges).toEqual([]);
    expect(off.visible.nodes.has('custody')).toBe(true);
    expect(off.visible.relationships.size).toBe(doc.relationships.size);
  });
});

describe('grouping nodes into one and opening the group again', () => {
  it('draws one group node with the member count, re-routes the members’ links and drops links inside it', () => {
    const grouped = applyChange(
      doc,
      planGroup(doc, { id: 'group:1', name: 'Ofast pair', members: ['officer-a', 'officer-b'] }),
    );
    const view = projectView({ doc: grouped, filters: NO_FILTERS, collapseEvents: false });
    expect(view.nodes.map((n) => [n.id, n.caption])).toEqual([['group:1', 'Ofast pair (2)']]);
    expect(view.visible.nodes.has('officer-a')).toBe(false);
    const routed = view.edges.map((e) => `${e.source}>${e.target} ${e.relationships[0]?.id}`).sort();
    expect(routed).toContain('djeha>group:1 djeha-a');
    expect(routed).toContain('group:1>custody a-custody');
    expect(routed).toContain('group:1>ofast a-ofast');
    // With events collapsed, A–B links are inside the group; the links to C come from the group
    // (and from the agency, which the custody links to C as well).
    const collapsed = projectView({ doc: grouped, filters: NO_FILTERS, collapseEvents: true });
    const toC = collapsed.edges.filter((e) => e.event && (e.source === 'officer-c' || e.target === 'officer-c'));
    expect(toC.map((e) => [e.source, e.target].sort().join('-'))).toEqual([
      'ofast-officer-c',
      'group:1-officer-c',
      'group:1-officer-c',
    ]);
    expect(collapsed.edges.some((e) => e.source === e.target)).toBe(false);
  });

  it('round-trips: grouping then opening restores the document, and undo/redo move between both', () => {
    const change = planGroup(doc, { id: 'group:1', name: 'Ofast pair', members: ['officer-a', 'officer-b'] });
    const grouped = applyChange(doc, change);
    const opened = applyChange(grouped, planUngroup(grouped, 'group:1'));
    expect([...(opened.groups?.values() ?? [])]).toEqual([]);
    expect(projectView({ doc: opened, filters: NO_FILTERS, collapseEvents: false })).toEqual(
      projectView({ doc, filters: NO_FILTERS, collapseEvents: false }),
    );
    expect(applyChange(grouped, invertChange(change)).groups?.size).toBe(0);

    let state = workspaceReducer(INITIAL_WORKSPACE, { type: 'plan', plan: () => planReplace(EMPTY_DOC, doc) });
    state = workspaceReducer(state, {
      type: 'plan',
      plan: (d) => planGroup(d, { id: 'group:2', name: '', members: ['officer-a', 'djeha'] }),
    });
    expect(state.doc.groups?.get('group:2')?.name).toBe('Group of 2');
    expect(state.history.past.at(-1)?.description).toBe('Group Group of 2');
    state = workspaceReducer(state, { type: 'undo' });
    expect(state.doc.groups?.size).toBe(0);
    state = workspaceReducer(state, { type: 'redo' });
    expect(state.doc.groups?.get('group:2')?.members).toEqual(['officer-a', 'djeha']);
  });

  it('refuses a group of one and a node already grouped', () => {
    expect(planGroup(doc, { id: 'group:1', name: 'x', members: ['officer-a'] }).addGroups).toBeUndefined();
    const grouped = applyChange(doc, planGroup(doc, { id: 'group:1', name: 'x', members: ['officer-a', 'officer-b'] }));
    const again = planGroup(grouped, { id: 'group:2', name: 'y', members: ['officer-a', 'officer-c', 'djeha'] });
    expect(again.addGroups?.[0]?.members).toEqual(['officer-c', 'djeha']);
  });

  it('hides the group with its members when a filter hides them all', () => {
    const grouped = applyChange(doc, planGroup(doc, { id: 'group:1', name: 'x', members: ['officer-a', 'officer-b'] }));
    const view = projectView({
      doc: { ...grouped, hidden: new Set(['officer-a', 'officer-b']) },
      filters: NO_FILTERS,
      collapseEvents: false,
    });
    expect(view.nodes).toEqual([]);
    expect(view.edges).toEqual([]);
  });
});
