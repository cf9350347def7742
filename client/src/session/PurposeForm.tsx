import { useState, type FormEvent } from 'react';
import { messages, useT } from '../i18n/i18n.ts';

/**
 * HTTP header values carry Latin-1 only: accented letters are fine, other symbols (€, œ, emoji)
 * would make every request fail, so the form says so before sending.
 */
function purposeProblem(purpose: string): string | undefined {
  if (/[^\u0020-\u007e\u00a0-\u00ff]/.test(purpose)) {
    return messages().purpose.latin1;
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
  const t = useT();
  const trimmed = purpose.trim();
  const problem = purposeProblem(trimmed);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (trimmed && !problem) props.onSubmit(trimmed);
  }

  return (
    <form className="gate-card" onSubmit={submit} aria-labelledby="purpose-title">
      <h2 id="purpose-title">{t.purpose.title}</h2>
      <p className="muted">
        {t.purpose.signedInAs} <strong>{props.username}</strong>. {t.purpose.recorded}
      </p>
      <label>
        {t.purpose.label}
        <input
          name="purpose"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          maxLength={200}
          required
          autoFocus
          placeholder={t.purpose.placeholder}
        />
      </label>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={!trimmed || problem !== undefined}>
          {t.purpose.submit}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t.common.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
