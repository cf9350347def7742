import { planHide, planRemove, planShowAll, planTogglePin } from '../model-view/graph-changes.ts';
import { mod, registerCommand } from './registry.ts';

const hasNodes = (c: { selectedNodes: readonly string[] }) => c.selectedNodes.length > 0;
const plainKey = (event: KeyboardEvent, key: string) => !mod(event) && !event.altKey && event.key.toLowerCase() === key;

export const undoCommand = registerCommand({
  name: 'undo',
  label: 'Undo the last graph change',
  keys: 'Ctrl+Z',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  perform: (c) => c.dispatch({ type: 'undo' }),
  enabled: (c) => c.canUndo,
});

export const redoCommand = registerCommand({
  name: 'redo',
  label: 'Redo',
  keys: 'Ctrl+Shift+Z or Ctrl+Y',
  keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
  perform: (c) => c.dispatch({ type: 'redo' }),
  enabled: (c) => c.canRedo,
});

export const expandCommand = registerCommand({
  name: 'expand',
  label: 'Expand all selected nodes',
  keys: 'E',
  keyTest: (e) => plainKey(e, 'e'),
  perform: (c) => c.expand(c.selectedNodes),
  enabled: hasNodes,
});

export const hideCommand = registerCommand({
  name: 'hide',
  label: 'Hide selected nodes',
  keys: 'H',
  keyTest: (e) => plainKey(e, 'h') && !e.shiftKey,
  perform: (c) => c.dispatch({ type: 'plan', plan: (doc) => planHide(doc, c.selectedNodes) }),
  enabled: hasNodes,
});

export const showHiddenCommand = registerCommand({
  name: 'show-hidden',
  label: 'Show hidden nodes again',
  keys: 'Shift+H',
  keyTest: (e) => !mod(e) && e.shiftKey && e.key.toLowerCase() === 'h',
  perform: (c) => c.dispatch({ type: 'plan', plan: planShowAll }),
  enabled: (c) => c.hasHidden,
});

export const removeCommand = registerCommand({
  name: 'remove',
  label: 'Remove selected nodes and relationships from the view',
  keys: 'Delete',
  keyTest: (e) => e.key === 'Delete' || e.key === 'Backspace',
  perform: (c) => c.dispatch({ type: 'plan', plan: (doc) => planRemove(doc, c.selection) }),
  enabled: (c) => c.selection.length > 0,
});

export const pinCommand = registerCommand({
  name: 'pin',
  label: 'Pin or unpin selected nodes (layouts keep them in place)',
  keys: 'P',
  keyTest: (e) => plainKey(e, 'p'),
  perform: (c) => c.dispatch({ type: 'plan', plan: (doc) => planTogglePin(doc, c.selectedNodes) }),
  enabled: hasNodes,
});

registerCommand({
  name: 'fit',
  label: 'Fit the graph to the window',
  keys: 'F',
  keyTest: (e) => plainKey(e, 'f'),
  perform: (c) => c.fit(),
});

registerCommand({
  name: 'select-all',
  label: 'Select every visible node',
  keys: 'Ctrl+A',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'a',
  perform: (c) => c.selectAll(),
});

registerCommand({
  name: 'layout',
  label: 'Run the chosen layout again',
  keys: 'L',
  keyTest: (e) => plainKey(e, 'l'),
  perform: (c) => c.runLayout(),
});

registerCommand({
  name: 'search',
  label: 'Go to the search box',
  keys: '/',
  keyTest: (e) => e.key === '/' && !mod(e),
  perform: (c) => c.focusSearch(),
});

registerCommand({
  name: 'export-png',
  label: 'Export the view as PNG',
  keys: 'Ctrl+Shift+P',
  keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'p',
  perform: (c) => c.exportPng(),
});

registerCommand({
  name: 'export-json',
  label: 'Export the workspace as JSON',
  keys: 'Ctrl+S',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
  perform: (c) => c.exportJson(),
});

registerCommand({
  name: 'help',
  label: 'Show or hide this list of shortcuts',
  keys: '?',
  keyTest: (e) => e.key === '?',
  perform: (c) => c.toggleHelp(),
});
