import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { plainMessage } from '../api/errors.ts';
import { APPROVE_BULK_READ } from '../api/volume-operations.ts';
import { useT } from '../i18n/i18n.ts';

type Outcome = { readonly kind: 'ok' | 'error'; readonly text: string } | undefined;

/**
 * An admin approves another user's stated bulk work in advance: that many more persons
 * before the volume rule alerts or suspends, for some hours. The server refuses an
 * approval for oneself and records each one in the audit trail with both names.
 */
export function BulkApprovalForm() {
  const t = useT().bulkApproval;
  const [username, setUsername] = useState('');
  const [persons, setPersons] = useState(500);
  const [hours, setHours] = useState(8);
  const [purpose, setPurpose] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      const { approveBulkRead: approved } = await api.request(APPROVE_BULK_READ, { username, persons, hours, purpose });
      setOutcome({
        kind: 'ok',
        text: t.approved(approved.user, approved.persons, approved.until.slice(0, 16).replace('T', ' ')),
      });
    } catch (error) {
      setOutcome({ kind: 'error', text: plainMessage(error, t.action(username)) });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="bulk-approval" aria-label={t.title} onSubmit={(event) => void submit(event)}>
      <h3>{t.title}</h3>
      <p className="muted">{t.hint}</p>
      <label>
        {t.user}
        <input value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t.persons}
        <input
          type="number"
          min={1}
          max={100000}
          value={persons}
          onChange={(e) => setPersons(Number(e.target.value))}
          required
        />
      </label>
      <label>
        {t.hours}
        <input
          type="number"
          min={1}
          max={72}
          value={hours}
          onChange={(e) => setHours(Number(e.target.value))}
          required
        />
      </label>
      <label>
        {t.purpose}
        <input value={purpose} onChange={(e) => setPurpose(e.target.value)} minLength={3} maxLength={500} required />
      </label>
      <button type="submit" disabled={sending}>
        {t.approve}
      </button>
      {outcome && (
        <p
          className={outcome.kind === 'error' ? 'error' : 'muted'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
}
