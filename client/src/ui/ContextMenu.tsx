import { useEffect } from 'react';

export interface MenuItem {
  readonly label: string;
  readonly run: () => void;
}

export interface ContextMenuState {
  readonly x: number;
  readonly y: number;
  readonly title: string;
  readonly items: readonly MenuItem[];
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
