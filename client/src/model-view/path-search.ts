/**
 * The Paths tab's state, free of React: two ends (or a selection for "connections"), what a
 * path may not pass through, and the last result. A result belongs to the question that gave
 * it: changing the ends or the settings drops it, so old paths never sit under new ends.
 */
import type { Path } from '../api/types.ts';
import type { NodeLabel, RelType } from '../shared-model.ts';

export interface PathEnds {
  readonly from?: string;
  readonly to?: string;
}

export interface PathOptions {
  readonly excludeLabels: readonly NodeLabel[];
  readonly excludeTypes: readonly RelType[];
  /** Most relationships a path may have (the server allows 1–8). */
  readonly maxLength: number;
}

export const PATH_MAX_LENGTH = 8;
/** At most this many ends for "connections among the selection" (the server's bound). */
export const MAX_CONNECTION_ENDS = 8;
const DEFAULT_PATH_OPTIONS: PathOptions = { excludeLabels: [], excludeTypes: [], maxLength: 6 };

export type PathQuestion =
  | { readonly kind: 'pair'; readonly from: string; readonly to: string }
  | { readonly kind: 'connections'; readonly ids: readonly string[] };

export type PathSearch =
  | { readonly phase: 'idle' }
  | { readonly phase: 'searching'; readonly question: PathQuestion }
  | {
      readonly phase: 'found';
      readonly question: PathQuestion;
      readonly paths: readonly Path[];
      readonly shown: number | 'all';
    }
  | { readonly phase: 'failed'; readonly question: PathQuestion; readonly message: string };

export interface PathState {
  readonly ends: PathEnds;
  readonly options: PathOptions;
  readonly search: PathSearch;
}

export const INITIAL_PATH_STATE: PathState = { ends: {}, options: DEFAULT_PATH_OPTIONS, search: { phase: 'idle' } };

export type PathAction =
  | { readonly type: 'ends'; readonly ends: PathEnds }
  | { readonly type: 'end'; readonly end: 'from' | 'to'; readonly id: string }
  | { readonly type: 'swap' }
  | { readonly type: 'options'; readonly options: PathOptions }
  | { readonly type: 'searching'; readonly question: PathQuestion }
  | { readonly type: 'found'; readonly question: PathQuestion; readonly paths: readonly Path[] }
  | { readonly type: 'failed'; readonly question: PathQuestion; readonly message: string }
  | { readonly type: 'show'; readonly shown: number | 'all' }
  | { readonly type: 'clear' };

const IDLE: PathSearch = { phase: 'idle' };

function withEnds(state: PathState, ends: PathEnds): PathState {
  if (ends.from === state.ends.from && ends.to === state.ends.to) return state;
  return { ...state, ends, search: IDLE };
}

/** An answer that arrives after the question changed is dropped. */
const current = (state: PathState, question: PathQuestion): boolean =>
  state.search.phase === 'searching' && state.search.question === question;

export function pathReducer(state: PathState, action: PathAction): PathState {
  switch (action.type) {
    case 'ends':
      return withEnds(state, action.ends);
    case 'end':
      return withEnds(state, { ...state.ends, [action.end]: action.id });
    case 'swap':
      return withEnds(state, { from: state.ends.to, to: state.ends.from });
    case 'options':
      return { ...state, options: action.options, search: IDLE };
    case 'searching':
      return { ...state, search: { phase: 'searching', question: action.question } };
    case 'found':
      if (!current(state, action.question)) return state;
      return { ...state, search: { phase: 'found', question: action.question, paths: action.paths, shown: 'all' } };
    case 'failed':
      if (!current(state, action.question)) return state;
      return { ...state, search: { phase: 'failed', question: action.question, message: action.message } };
    case 'show':
      return state.search.phase === 'found' ? { ...state, search: { ...state.search, shown: action.shown } } : state;
    case 'clear':
      return { ...state, search: IDLE };
  }
}

export interface PairResult {
  readonly from: string;
  readonly to: string;
  /** Indexes into the search's paths. */
  readonly paths: readonly number[];
}

/** For "connections": every pair of the question's ids with the paths that join it (none when unconnected). */
export function pairsOf(ids: readonly string[], paths: readonly Path[]): PairResult[] {
  const key = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const byPair = new Map<string, number[]>();
  paths.forEach((path, index) => {
    const first = path.nodes[0]?.id;
    const last = path.nodes[path.nodes.length - 1]?.id;
    if (first === undefined || last === undefined) return;
    const list = byPair.get(key(first, last)) ?? [];
    list.push(index);
    byPair.set(key(first, last), list);
  });
  return ids.flatMap((from, i) => ids.slice(i + 1).map((to) => ({ from, to, paths: byPair.get(key(from, to)) ?? [] })));
}
