import { describe, expect, it } from 'vitest';
import type { Path } from '../api/types.ts';
import { person, rel } from './fixtures.ts';
import { INITIAL_PATH_STATE, pairsOf, pathReducer, type PathAction, type PathState } from './path-search.ts';

const path = (...ids: string[]): Path => ({
  length: ids.length - 1,
  nodes: ids.map((id) => person(id)),
  relationships: ids.slice(1).map((id, i) => rel(`r-${ids[i]}-${id}`, ids[i] ?? '', id)),
});
const run = (...actions: PathAction[]): PathState => actions.reduce(pathReducer, INITIAL_PATH_STATE);
const pair = { kind: 'pair', from: 'djeha', to: 'igpn' } as const;
const found: PathAction[] = [
  { type: 'ends', ends: { from: 'djeha', to: 'igpn' } },
  { type: 'searching', question: pair },
  { type: 'found', question: pair, paths: [path('djeha', 'france', 'igpn')] },
];

describe('path search state', () => {
  it('keeps a result while the ends stay the same', () => {
    const state = run(...found, { type: 'ends', ends: { from: 'djeha', to: 'igpn' } });
    expect(state.search.phase).toBe('found');
  });

  // Issue 15: "old results stay when the ends change".
  it('drops the result when an end changes, the ends are swapped or the settings change', () => {
    expect(run(...found, { type: 'ends', ends: { from: 'djeha', to: 'ofast' } }).search.phase).toBe('idle');
    expect(run(...found, { type: 'end', end: 'from', id: 'mimo' }).search.phase).toBe('idle');
    expect(run(...found, { type: 'swap' }).search.phase).toBe('idle');
    const options = { excludeLabels: ['Location'], excludeTypes: [], maxLength: 6 } as const;
    expect(run(...found, { type: 'options', options }).search.phase).toBe('idle');
  });

  it('ignores an answer to a question no longer asked', () => {
    const later = { kind: 'pair', from: 'djeha', to: 'ofast' } as const;
    const state = run(...found.slice(0, 2), { type: 'searching', question: later }, found[2] as PathAction);
    expect(state.search).toEqual({ phase: 'searching', question: later });
  });

  it('lists every pair of a selection, with the paths joining it or none', () => {
    const paths = [path('a', 'x', 'b'), path('c', 'a'), path('a', 'y', 'b')];
    expect(pairsOf(['a', 'b', 'c'], paths)).toEqual([
      { from: 'a', to: 'b', paths: [0, 2] },
      { from: 'a', to: 'c', paths: [1] },
      { from: 'b', to: 'c', paths: [] },
    ]);
  });
});
