import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { ApiError, plainMessage } from '../api/errors.ts';
import { LOGIN } from '../api/operations.ts';
import type { AuthPayload } from '../api/types.ts';
import { messages, useT } from '../i18n/i18n.ts';
import { LocaleSwitch } from '../i18n/LocaleSwitch.tsx';

type FormState = { phase: 'editing' } | { phase: 'submitting' } | { phase: 'failed'; message: string };

export function SignInForm(props: { notice?: string | undefined; onSignedIn: (auth: AuthPayload) => void }) {
  const [state, setState] = useState<FormState>({ phase: 'editing' });
  const t = useT();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState({ phase: 'submitting' });
    try {
      api.setCredentials({});
      const { login } = await api.request(LOGIN, {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      props.onSignedIn(login);
    } catch (error) {
      const wrongPassword = error instanceof ApiError && error.code === 'UNAUTHENTICATED';
      setState({
        phase: 'failed',
        message: wrongPassword ? messages().signIn.wrongPassword : plainMessage(error, messages().actions.signIn),
      });
    }
  }

  return (
    <main className="gate">
      <form className="gate-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Maillon</h1>
        <p className="muted">{t.signIn.intro}</p>
        {props.notice && <p className="notice">{props.notice}</p>}
        <label>
          {t.signIn.username}
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t.signIn.password}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {state.phase === 'failed' && (
          <p role="alert" className="error">
            {state.message}
          </p>
        )}
        <button type="submit" disabled={state.phase === 'submitting'}>
          {t.signIn.submit}
        </button>
        <LocaleSwitch />
      </form>
    </main>
  );
}
