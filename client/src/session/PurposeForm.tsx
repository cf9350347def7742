import { useState, type FormEvent } from 'react';

/** The purpose of access (a case number or short reason) is sent with every request and audited. */
export function PurposeForm(props: {
  initial?: string | undefined;
  username: string;
  onSubmit: (purpose: string) => void;
  onCancel?: (() => void) | undefined;
}) {
  const [purpose, setPurpose] = useState(props.initial ?? '');
  const trimmed = purpose.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (trimmed) props.onSubmit(trimmed);
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
      <div className="row">
        <button type="submit" disabled={!trimmed}>
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
