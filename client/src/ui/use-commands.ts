import { useEffect, useRef, type Dispatch } from 'react';
import '../commands/commands.ts';
import { commandForKey, type CommandContext } from '../commands/registry.ts';
import type { WorkspaceAction, WorkspaceState } from '../model-view/workspace-state.ts';

type Callbacks = Pick<
  CommandContext,
  'expand' | 'fit' | 'selectAll' | 'runLayout' | 'focusSearch' | 'toggleHelp' | 'exportPng' | 'exportJson'
>;

/** Builds the command context for this render and routes key presses to registered commands. */
export function useCommands(
  input: Callbacks & { selection: readonly string[]; state: WorkspaceState; dispatch: Dispatch<WorkspaceAction> },
): CommandContext {
  const { selection, state } = input;
  const context: CommandContext = {
    ...input,
    selection,
    selectedNodes: selection.filter((id) => state.doc.nodes.has(id)),
    canUndo: state.history.past.length > 0,
    canRedo: state.history.future.length > 0,
    hasHidden: state.doc.hidden.size > 0,
  };
  const latest = useRef(context);
  latest.current = context;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandForKey(event);
      if (!command) return;
      const ctx = latest.current;
      if (command.enabled && !command.enabled(ctx)) return;
      event.preventDefault();
      command.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return context;
}
