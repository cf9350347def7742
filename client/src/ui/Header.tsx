import type { ReactNode } from 'react';
import type { User } from '../api/types.ts';

export function Header(props: {
  user: User;
  purpose: string;
  search: ReactNode;
  onChangePurpose: () => void;
  onSignOut: () => void;
  onHelp: () => void;
}) {
  return (
    <header className="app-header">
      <strong className="brand">Maillon</strong>
      {props.search}
      <div className="session">
        <span className="purpose" title="Purpose of access, sent and audited with every request">
          Purpose: <strong data-testid="current-purpose">{props.purpose}</strong>
        </span>
        <button className="link" onClick={props.onChangePurpose}>
          Change purpose
        </button>
        <span className="muted">
          {props.user.username} ({props.user.role.toLowerCase()})
        </span>
        <button className="secondary small" onClick={props.onHelp} aria-label="Keyboard shortcuts">
          ?
        </button>
        <button
          className="secondary small"
          onClick={props.onSignOut}
          title="Signs out and deletes this workspace from the browser (export it as JSON first to keep it)"
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
