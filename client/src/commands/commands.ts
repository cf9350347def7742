import { planHide, planRemove, planShowAll, planTogglePin } from '../model-view/graph-changes.ts';
import { messages } from '../i18n/current.ts';
import { mod, registerCommand } from './registry.ts';

const hasNodes = (c: { selectedNodes: readonly string[] }) => c.selectedNodes.length > 0;
const plainKey = (event: KeyboardEvent, key: string) => !mod(event) && !event.altKey && event.key.toLowerCase() === key;

export const undoCommand = registerCommand({
  name: 'undo',
  get label() {
    return messages().commands.undo;
  },
  keys: 'Ctrl+Z',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  perform: (c) => c.dispatch({ type: 'undo' }),
  enabled: (c) => c.canUndo,
});

export const redoCommand = registerCommand({
  name: 'redo',
  get label() {
    return messages().commands.redo;
  },
  get keys() {
    return messages().commands.redoKeys;
  },
  keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
  perform: (c) => c.dispatch({ type: 'redo' }),
  enabled: (c) => c.canRedo,
});

export const expandCommand = registerCommand({
  name: 'expand',
  get label() {
    return messages().commands.expand;
  },
  keys: 'E',
  keyTest: (e) => plainKey(e, 'e'),
  perform: (c) => c.expand(c.selectedNodes),
  enabled: hasNodes,
});

export const hideCommand = registerCommand({
  name: 'hide',
  get label() {
    return messages().commands.hide;
  },
  keys: 'H',
  keyTest: (e) => plainKey(e, 'h') && !e.shiftKey,
  perform: (c) => c.dispatch({ type: 'plan', plan: (doc) => planHide(doc, c.selectedNodes) }),
  enabled: hasNodes,
});

export const showHiddenCommand = registerCommand({
  name: 'show-hidden',
  get label() {
    return messages().commands.showHidden;
  },
  keys: 'Shift+H',
  keyTest: (e) => !mod(e) && e.shiftKey && e.key.toLowerCase() === 'h',
  perform: (c) => c.dispatch({ type: 'plan', plan: planShowAll }),
  enabled: (c) => c.hasHidden,
});

export const removeCommand = registerCommand({
  name: 'remove',
  get label() {
    return messages().commands.remove;
  },
  keys: 'Delete',
  keyTest: (e) => e.key === 'Delete' || e.key === 'Backspace',
  perform: (c) => c.dispatch({ type: 'plan', plan: (doc) => planRemove(doc, c.selection) }),
  enabled: (c) => c.selection.length > 0,
});

export const pinCommand = registerCommand({
  name: 'pin',
  get label() {
    return messages().commands.pin;
  },
  keys: 'P',
  keyTest: (e) => plainKey(e, 'p'),
  perform: (c) => c.dispatch({ type: 'plan', plan: (doc) => planTogglePin(doc, c.selectedNodes) }),
  enabled: hasNodes,
});

registerCommand({
  name: 'fit',
  get label() {
    return messages().commands.fit;
  },
  keys: 'F',
  keyTest: (e) => plainKey(e, 'f'),
  perform: (c) => c.fit(),
});

registerCommand({
  name: 'select-all',
  get label() {
    return messages().commands.selectAll;
  },
  keys: 'Ctrl+A',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'a',
  perform: (c) => c.selectAll(),
});

registerCommand({
  name: 'layout',
  get label() {
    return messages().commands.layout;
  },
  keys: 'L',
  keyTest: (e) => plainKey(e, 'l'),
  perform: (c) => c.runLayout(),
});

registerCommand({
  name: 'search',
  get label() {
    return messages().commands.search;
  },
  keys: '/',
  keyTest: (e) => e.key === '/' && !mod(e),
  perform: (c) => c.focusSearch(),
});

registerCommand({
  name: 'export-png',
  get label() {
    return messages().commands.exportPng;
  },
  keys: 'Ctrl+Shift+P',
  keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'p',
  perform: (c) => c.exportPng(),
});

registerCommand({
  name: 'export-json',
  get label() {
    return messages().commands.exportJson;
  },
  keys: 'Ctrl+S',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
  perform: (c) => c.exportJson(),
});

registerCommand({
  name: 'help',
  get label() {
    return messages().commands.help;
  },
  keys: '?',
  keyTest: (e) => e.key === '?',
  perform: (c) => c.toggleHelp(),
});
