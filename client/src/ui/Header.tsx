import type { ReactNode } from 'react';
import type { User } from '../api/types.ts';
import { useT } from '../i18n/i18n.ts';
import { LocaleSwitch } from '../i18n/LocaleSwitch.tsx';

export function Header(props: {
  user: User;
  purpose: string;
  search: ReactNode;
  onChangePurpose: () => void;
  onSignOut: () => void;
  onHelp: () => void;
}) {
  const t = useT();
  return (
    <header className="app-header">
      <strong className="brand">Maillon</strong>
      {props.search}
      <div className="session">
        <span className="purpose" title={t.header.purposeTitle}>
          {t.header.purpose} <strong data-testid="current-purpose">{props.purpose}</strong>
        </span>
        <button className="link" onClick={props.onChangePurpose}>
          {t.header.changePurpose}
        </button>
        <span className="muted">
          {props.user.username} ({t.header.roles[props.user.role] ?? props.user.role.toLowerCase()})
        </span>
        <LocaleSwitch />
        <button className="secondary small" onClick={props.onHelp} aria-label={t.header.shortcuts}>
          ?
        </button>
        <button className="secondary small" onClick={props.onSignOut} title={t.header.signOutTitle}>
          {t.header.signOut}
        </button>
      </div>
    </header>
  );
}
