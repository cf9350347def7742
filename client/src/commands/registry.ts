import type { WorkspaceAction } from '../model-view/workspace-state.ts';

/** What a command can see and do; built fresh by the explorer on every render. */
export interface CommandContext {
  readonly selection: readonly string[];
  readonly selectedNodes: readonly string[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly hasHidden: boolean;
  dispatch(action: WorkspaceAction): void;
  expand(ids: readonly string[]): void;
  fit(): void;
  selectAll(): void;
  runLayout(): void;
  focusSearch(): void;
  toggleHelp(): void;
  exportPng(): void;
  exportJson(): void;
}

/** A user command, registered once and listed in the help overlay (excalidraw's action pattern). */
export interface Command {
  readonly name: string;
  readonly label: string;
  /** Keys as shown to the user, e.g. "Ctrl+Z". */
  readonly keys: string;
  keyTest(event: KeyboardEvent): boolean;
  perform(context: CommandContext): void;
  enabled?(context: CommandContext): boolean;
}

const registry = new Map<string, Command>();

export function registerCommand(command: Command): Command {
  registry.set(command.name, command);
  return command;
}

export const allCommands = (): Command[] => [...registry.values()];

export function findCommand(name: string): Command | undefined {
  return registry.get(name);
}

export function getCommand(name: string): Command {
  const command = registry.get(name);
  if (!command) throw new Error(`No command named ${name}`);
  return command;
}

const isTyping = (target: EventTarget | null): boolean =>
  typeof HTMLElement !== 'undefined' &&
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The command a key press triggers, unless the user is typing in a field. */
export function commandForKey(event: KeyboardEvent): Command | undefined {
  if (isTyping(event.target)) return undefined;
  return allCommands().find((command) => command.keyTest(event));
}

export const mod = (event: KeyboardEvent): boolean => event.ctrlKey || event.metaKey;
