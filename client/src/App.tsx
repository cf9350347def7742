import { useCallback, useEffect, useState } from 'react';
import { api } from './api/client.ts';
import type { AuthPayload } from './api/types.ts';
import { PurposeForm } from './session/PurposeForm.tsx';
import { clearSession, forgetUser, loadSession, saveSession } from './session/session-storage.ts';
import { SignInForm } from './session/SignInForm.tsx';
import { ViewerContext } from './session/viewer.ts';
import { Explorer } from './ui/Explorer.tsx';
import { messages, useI18n } from './i18n/i18n.ts';

export type Session =
  | { readonly phase: 'signed-out'; readonly notice?: string; readonly forget?: string }
  | { readonly phase: 'needs-purpose'; readonly auth: AuthPayload }
  | { readonly phase: 'ready'; readonly auth: AuthPayload; readonly purpose: string };

function initialSession(): Session {
  const stored = loadSession();
  if (!stored) return { phase: 'signed-out' };
  return stored.purpose
    ? { phase: 'ready', auth: stored.auth, purpose: stored.purpose }
    : { phase: 'needs-purpose', auth: stored.auth };
}

export function App() {
  const [session, setSession] = useState<Session>(initialSession);
  // Read here so that a language switch re-renders the whole interface, not only the readers of words.
  const { t } = useI18n();

  useEffect(() => {
    switch (session.phase) {
      case 'signed-out':
        api.setCredentials({});
        // Runs after the explorer's last save (children clean up first), so nothing is written back.
        if (session.forget) forgetUser(session.forget);
        else clearSession();
        break;
      case 'needs-purpose':
        api.setCredentials({ token: session.auth.token });
        saveSession({ auth: session.auth });
        break;
      case 'ready':
        api.setCredentials({ token: session.auth.token, purpose: session.purpose });
        saveSession({ auth: session.auth, purpose: session.purpose });
        break;
    }
  }, [session]);

  const onSignedIn = useCallback((auth: AuthPayload) => setSession({ phase: 'needs-purpose', auth }), []);
  const onSignOut = useCallback((username: string) => setSession({ phase: 'signed-out', forget: username }), []);
  const onExpired = useCallback(() => setSession({ phase: 'signed-out', notice: messages().signIn.sessionEnded }), []);

  switch (session.phase) {
    case 'signed-out':
      return <SignInForm notice={session.notice && t.signIn.sessionEnded} onSignedIn={onSignedIn} />;
    case 'needs-purpose':
      return (
        <main className="gate">
          <PurposeForm
            username={session.auth.user.username}
            onSubmit={(purpose) => setSession({ phase: 'ready', auth: session.auth, purpose })}
          />
        </main>
      );
    case 'ready':
      // Credentials must be in place before the explorer's first request (effects run child-first).
      api.setCredentials({ token: session.auth.token, purpose: session.purpose });
      return (
        <ViewerContext.Provider value={session.auth.user}>
          <Explorer
            key={session.auth.user.username}
            user={session.auth.user}
            purpose={session.purpose}
            onPurposeChange={(purpose) => setSession({ phase: 'ready', auth: session.auth, purpose })}
            onSignOut={() => onSignOut(session.auth.user.username)}
            onExpired={onExpired}
          />
        </ViewerContext.Provider>
      );
  }
}
