import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    return (
      <main className="gate">
        <div className="gate-card" role="alert">
          <h1>Something went wrong</h1>
          <p>The explorer hit an unexpected problem and stopped drawing this page. Your saved workspace is kept.</p>
          <p className="muted">Details: {this.state.error.message}</p>
          <div className="row">
            <button onClick={() => this.setState({ error: undefined })}>Try again</button>
            <button className="secondary" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </div>
        </div>
      </main>
    );
  }
}
