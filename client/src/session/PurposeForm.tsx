import { useState, type FormEvent } from 'react';

/**
 * HTTP header values carry Latin-1 only: accented letters are fine, other symbols (€, œ, emoji)
 * would make every request fail, so the form says so before sending.
 */
function purposeProblem(purpose: string): string | undefined {
  if (/[^\u0020-\u007e\u00a0-\u00ff]/.test(purpose)) {
    return 'Use letters, digits and common punctuation only (symbols such as € or œ cannot be sent).';
  }
  return undefined;
}

/** The purpose of access (a case number or short reason) is sent with every request and audited. */
export function PurposeForm(props: {
  initial?: string | undefined;
  username: string;
  onSubmit: (purpose: string) => void;
  onCancel?: (() => void) | undefined;
}) {
  const [purpose, setPurpose] = useState(props.initial ?? '');
  const trimmed = purpose.trim();
  const problem = purposeProblem(trimmed);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (trimmed && !problem) props.onSubmit(trimmed);
  }

  return (
    <form className="gate-card" onSubmit={submit} aria-labelledby="purpose-title">
      <h2 id="purpose-title">Reason for access</h2>
      <p className="muted">
        Signed in as <strong>{props.username}</strong>. Every lookup is recorded with this purpose, e.g. a case number.
      </p>
      <label>
        Purpose
        <input
          name="purpose"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          maxLength={200}
          required
          autoFocus
          placeholder="e.g. Case 2024-117"
        />
      </label>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={!trimmed || problem !== undefined}>
          Continue
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
