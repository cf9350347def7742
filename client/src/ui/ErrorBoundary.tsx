import { Component, type ErrorInfo, type ReactNode } from 'react';
import { messages } from '../i18n/i18n.ts';

interface State {
  readonly error?: Error;
}

/** Last line of defence: a plain explanation and a way out instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The message is shown to the user; there is no client-side log sink to send it to.
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const t = messages().errorBoundary;
    return (
      <main className="gate">
        <div className="gate-card" role="alert">
          <h1>{t.title}</h1>
          <p>{t.text}</p>
          <p className="muted">
            {t.details} {this.state.error.message}
          </p>
          <div className="row">
            <button onClick={() => this.setState({ error: undefined })}>{t.retry}</button>
            <button className="secondary" onClick={() => window.location.reload()}>
              {t.reload}
            </button>
          </div>
        </div>
      </main>
    );
  }
}
