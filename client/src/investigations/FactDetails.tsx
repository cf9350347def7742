/** Under the details of the selected element: the investigation's notes on it, and its history. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { HISTORY, type HistoryEntry } from './operations.ts';
import type { InvestigationHandle } from './use-investigation.ts';

export function FactDetails(props: {
  targetId: string;
  investigation: InvestigationHandle;
  onError: (e: unknown) => void;
}) {
  const { targetId, investigation, onError } = props;
  const [history, setHistory] = useState<readonly HistoryEntry[]>([]);
  const [text, setText] = useState('');
  useEffect(() => {
    let live = true;
    api.request(HISTORY, { id: targetId }).then(
      ({ history: entries }) => live && setHistory(entries),
      (error: unknown) => live && onError(error),
    );
    return () => {
      live = false;
    };
  }, [targetId, onError]);
  const open = investigation.open;
  const notes = open?.notes.filter((n) => n.targetId === targetId) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void investigation.addNote(targetId, text).then(() => setText(''));
  };
  return (
    <section className="fact-details" aria-label="Notes and history">
      {open && (
        <>
          <h4>Notes</h4>
          <ul className="notes" aria-label="Notes">
            {notes.map((n) => (
              <li key={n.id}>
                <span className="muted">
                  {n.author}, {n.at.slice(0, 16).replace('T', ' ')}
                </span>{' '}
                {n.text}
              </li>
            ))}
          </ul>
          {open.access !== 'READER' && (
            <form onSubmit={submit} aria-label="Add a note">
              <textarea
                aria-label="Note"
                placeholder="A note (@username tells a member)"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit" disabled={!text.trim()}>
                Add note
              </button>
            </form>
          )}
        </>
      )}
      <h4>History</h4>
      {history.length === 0 && <p className="muted">No recorded change.</p>}
      <ol className="history" aria-label="History">
        {history.map((h, index) => (
          <li key={`${h.at}-${index}`}>
            {h.at.slice(0, 16).replace('T', ' ')}: {h.user} {h.action} ({h.grading}, sources {h.sources.join(', ')}
            {h.approver ? `, approved by ${h.approver}` : ''})
          </li>
        ))}
      </ol>
    </section>
  );
}
