import { useRef } from 'react';
import { LAYOUT_NAMES, type LayoutName } from '../canvas/layouts.ts';
import type { Command, CommandContext } from '../commands/registry.ts';
import {
  expandCommand,
  hideCommand,
  pinCommand,
  redoCommand,
  removeCommand,
  showHiddenCommand,
  undoCommand,
} from '../commands/commands.ts';
import { useT } from '../i18n/i18n.ts';

/** A toolbar button; `detail` (e.g. what undo would undo) is cut short on the button and given whole in its title. */
function CommandButton(props: { command: Command; context: CommandContext; children: string; detail?: string }) {
  const { command, context, detail } = props;
  const title = `${command.label} (${command.keys})`;
  return (
    <button
      className="secondary"
      title={detail ? `${props.children} ${detail}: ${title}` : title}
      disabled={command.enabled ? !command.enabled(context) : false}
      onClick={() => command.perform(context)}
    >
      {props.children}
      {detail && ' '}
      {detail && <span className="undo-label">{detail}</span>}
    </button>
  );
}

export function Toolbar(props: {
  context: CommandContext;
  layout: LayoutName;
  onLayout: (name: LayoutName) => void;
  onImport: (file: File) => void;
  undoLabel: string | undefined;
}) {
  const { context } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const t = useT();
  return (
    <div className="toolbar" role="toolbar" aria-label={t.toolbar.label}>
      <CommandButton command={undoCommand} context={context} detail={props.undoLabel}>
        {t.toolbar.undo}
      </CommandButton>
      <CommandButton command={redoCommand} context={context}>
        {t.toolbar.redo}
      </CommandButton>
      <span className="sep" />
      <CommandButton command={expandCommand} context={context}>
        {t.toolbar.expandSelected}
      </CommandButton>
      <CommandButton command={hideCommand} context={context}>
        {t.common.hide}
      </CommandButton>
      <CommandButton command={showHiddenCommand} context={context}>
        {t.toolbar.showHidden}
      </CommandButton>
      <CommandButton command={removeCommand} context={context}>
        {t.common.remove}
      </CommandButton>
      <CommandButton command={pinCommand} context={context}>
        {t.common.pin}
      </CommandButton>
      <span className="sep" />
      <label className="inline">
        {t.toolbar.layout}
        <select value={props.layout} onChange={(e) => props.onLayout(e.target.value as LayoutName)}>
          {LAYOUT_NAMES.map((name) => (
            <option key={name} value={name}>
              {t.toolbar.layouts[name] ?? name}
            </option>
          ))}
        </select>
      </label>
      <span className="sep" />
      <button className="secondary" onClick={context.exportPng}>
        {t.toolbar.exportPng}
      </button>
      <button className="secondary" onClick={context.exportJson}>
        {t.toolbar.exportJson}
      </button>
      <button className="secondary" onClick={() => fileInput.current?.click()}>
        {t.toolbar.openJson}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        aria-label={t.toolbar.openJsonLabel}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onImport(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}
