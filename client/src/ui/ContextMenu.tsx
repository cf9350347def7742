import { useEffect } from 'react';
import { findCommand, type Command, type CommandContext } from '../commands/registry.ts';
import { messages } from '../i18n/i18n.ts';

interface MenuItem {
  readonly label: string;
  readonly run: () => void;
}

export interface ContextMenuState {
  readonly x: number;
  readonly y: number;
  readonly title: string;
  readonly items: readonly MenuItem[];
}

/** A menu of registered commands (those that can act now), e.g. for the empty canvas. */
export function commandMenu(
  names: readonly string[],
  context: CommandContext,
  at: { x: number; y: number },
): ContextMenuState {
  const items = names
    .map(findCommand)
    .filter((c): c is Command => c !== undefined && (!c.enabled || c.enabled(context)))
    .map((c) => ({ label: c.label, run: () => c.perform(context) }));
  return { ...at, title: messages().menu.graph, items };
}

/** Right-click menu on the canvas; closes on any outside click or Escape. */
export function ContextMenu(props: { menu: ContextMenuState; onClose: () => void }) {
  const { menu, onClose } = props;
  useEffect(() => {
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      onClose();
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [onClose]);
  return (
    <div className="context-menu" role="menu" aria-label={menu.title} style={{ left: menu.x, top: menu.y }}>
      <div className="menu-title">{menu.title}</div>
      {menu.items.map((item) => (
        <button
          key={item.label}
          role="menuitem"
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => {
            item.run();
            onClose();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
