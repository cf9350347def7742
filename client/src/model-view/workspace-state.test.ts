import { describe, expect, it } from 'vitest';
import { planAdd, planRemove } from './graph-changes.ts';
import { person, rel } from './fixtures.ts';
import { INITIAL_WORKSPACE, workspaceReducer, type WorkspaceState } from './workspace-state.ts';

const add = (ids: string[]) => ({
  type: 'plan' as const,
  plan: (doc: WorkspaceState['doc']) =>
    planAdd(
      doc,
      { nodes: ids.map((id) => person(id)), relationships: [rel('r', 'a', 'b')] },
      { description: `add ${ids}`, origin: ids[0] },
    ),
});

describe('workspace undo and redo', () => {
  it('undoes and redoes an expansion, a removal and nothing more', () => {
    let state = workspaceReducer(INITIAL_WORKSPACE, add(['a']));
    state = workspaceReducer(state, add(['b']));
    expect(state.doc.relationships.size).toBe(1);
    state = workspaceReducer(state, { type: 'plan', plan: (doc) => planRemove(doc, ['a']) });
    expect(state.doc.nodes.size).toBe(1);

    state = workspaceReducer(state, { type: 'undo' });
    expect([...state.doc.nodes.keys()].sort()).toEqual(['a', 'b']);
    expect(state.doc.relationships.has('r')).toBe(true);
    state = workspaceReducer(state, { type: 'undo' });
    state = workspaceReducer(state, { type: 'undo' });
    expect(state.doc.nodes.size).toBe(0);
    expect(workspaceReducer(state, { type: 'undo' })).toBe(state);

    state = workspaceReducer(state, { type: 'redo' });
    expect([...state.doc.nodes.keys()]).toEqual(['a']);
    expect(state.lastChange?.origin).toBe('a');
  });

  it('a new change clears the redo stack; empty changes are not recorded', () => {
    let state = workspaceReducer(INITIAL_WORKSPACE, add(['a']));
    state = workspaceReducer(state, { type: 'undo' });
    state = workspaceReducer(state, add(['b']));
    expect(state.history.future).toEqual([]);
    const same = workspaceReducer(state, add(['b']));
    expect(same).toBe(state);
  });

  it('filters are not graph changes: undo skips them', () => {
    let state = workspaceReducer(INITIAL_WORKSPACE, add(['a']));
    state = workspaceReducer(state, { type: 'filters', filters: { ...state.filters, hiddenLabels: ['Person'] } });
    state = workspaceReducer(state, { type: 'undo' });
    expect(state.filters.hiddenLabels).toEqual(['Person']);
    expect(state.doc.nodes.size).toBe(0);
  });
});
