import { describe, expect, it } from 'vitest';
import './commands.ts';
import { allCommands, commandForKey, getCommand, type CommandContext } from './registry.ts';

const key = (init: { key: string; ctrlKey?: boolean; shiftKey?: boolean; metaKey?: boolean }) =>
  ({
    altKey: false,
    ctrlKey: false,
    shiftKey: false,
    metaKey: false,
    target: null,
    ...init,
  }) as unknown as KeyboardEvent;

describe('keyboard shortcuts', () => {
  it('each shortcut triggers exactly one command', () => {
    const presses = [
      key({ key: 'z', ctrlKey: true }),
      key({ key: 'Z', ctrlKey: true, shiftKey: true }),
      key({ key: 'y', ctrlKey: true }),
      key({ key: 'e' }),
      key({ key: 'h' }),
      key({ key: 'H', shiftKey: true }),
      key({ key: 'Delete' }),
      key({ key: 'p' }),
      key({ key: 'f' }),
      key({ key: 'a', ctrlKey: true }),
      key({ key: '?', shiftKey: true }),
      key({ key: '/' }),
    ];
    for (const press of presses) {
      expect(
        allCommands()
          .filter((c) => c.keyTest(press))
          .map((c) => c.name),
      ).toHaveLength(1);
    }
    expect(commandForKey(key({ key: 'z', metaKey: true }))?.name).toBe('undo');
    expect(commandForKey(key({ key: 'Z', ctrlKey: true, shiftKey: true }))?.name).toBe('redo');
    expect(commandForKey(key({ key: 'x' }))).toBeUndefined();
  });

  it('commands act on the selection and are disabled when they cannot', () => {
    const dispatched: unknown[] = [];
    const expanded: string[][] = [];
    const context = {
      selection: ['a', 'r1'],
      selectedNodes: ['a'],
      canUndo: false,
      canRedo: true,
      hasHidden: false,
      dispatch: (action: unknown) => dispatched.push(action),
      expand: (ids: readonly string[]) => expanded.push([...ids]),
    } as unknown as CommandContext;
    expect(getCommand('undo').enabled?.(context)).toBe(false);
    expect(getCommand('show-hidden').enabled?.(context)).toBe(false);
    getCommand('expand').perform(context);
    expect(expanded).toEqual([['a']]);
    getCommand('redo').perform(context);
    expect(dispatched).toEqual([{ type: 'redo' }]);
    expect(allCommands().every((c) => c.label.length > 0 && c.keys.length > 0)).toBe(true);
  });
});
