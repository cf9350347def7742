import { applyChange, EMPTY_DOC, invertChange, isEmptyChange, type GraphChange, type GraphDoc } from './graph-doc.ts';
import { NO_FILTERS, type Filters } from './filters.ts';
import { EMPTY_HISTORY, record, redo, undo, type History } from './history.ts';

/** Everything the investigator built in this session; React keeps it with useReducer. */
export interface WorkspaceState {
  readonly doc: GraphDoc;
  readonly history: History<GraphChange>;
  readonly filters: Filters;
  /** The change the canvas should place new nodes for (its origin), most recent first. */
  readonly lastChange?: GraphChange;
}

export type WorkspaceAction =
  | { readonly type: 'apply'; readonly change: GraphChange }
  /** Plans the change against the current graph (async results must not plan against a stale one). */
  | { readonly type: 'plan'; readonly plan: (doc: GraphDoc) => GraphChange }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'filters'; readonly filters: Filters }
  | { readonly type: 'restore'; readonly doc: GraphDoc; readonly filters: Filters };

export const INITIAL_WORKSPACE: WorkspaceState = { doc: EMPTY_DOC, history: EMPTY_HISTORY, filters: NO_FILTERS };

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'apply':
      if (isEmptyChange(action.change)) return state;
      return {
        ...state,
        doc: applyChange(state.doc, action.change),
        history: record(state.history, action.change),
        lastChange: action.change,
      };
    case 'plan':
      return workspaceReducer(state, { type: 'apply', change: action.plan(state.doc) });
    case 'undo': {
      const step = undo(state.history);
      if (!step) return state;
      const inverse = invertChange(step.change);
      return { ...state, doc: applyChange(state.doc, inverse), history: step.history, lastChange: inverse };
    }
    case 'redo': {
      const step = redo(state.history);
      if (!step) return state;
      return { ...state, doc: applyChange(state.doc, step.change), history: step.history, lastChange: step.change };
    }
    case 'filters':
      return { ...state, filters: action.filters };
    case 'restore':
      return { doc: action.doc, filters: action.filters, history: EMPTY_HISTORY };
  }
}
