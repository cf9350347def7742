/** Under the details of the selected element: the investigation's notes on it, and its history. */
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { HISTORY, type HistoryEntry } from './operations.ts';
import type { InvestigationHandle } from './use-investigation.ts';
import { useI18n } from '../i18n/i18n.ts';

export function FactDetails(props: {
  targetId: string;
  investigation: InvestigationHandle;
  onError: (e: unknown) => void;
}) {
  const { targetId, investigation, onError } = props;
  const [history, setHistory] = useState<readonly HistoryEntry[]>([]);
  const [text, setText] = useState('');
  const i18n = useI18n();
  const t = i18n.t.investigations;
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
    <section className="fact-details" aria-label={t.notesAndHistory}>
      {open && (
        <>
          <h4>{t.notes}</h4>
          <ul className="notes" aria-label={t.notes}>
            {notes.map((n) => (
              <li key={n.id}>
                <span className="muted">
                  {n.author}, {i18n.dateTime(n.at)}
                </span>{' '}
                {n.text}
              </li>
            ))}
          </ul>
          {open.access !== 'READER' && (
            <form onSubmit={submit} aria-label={t.addNoteLabel}>
              <textarea
                aria-label={t.note}
                placeholder={t.notePlaceholder}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit" disabled={!text.trim()}>
                {t.addNote}
              </button>
            </form>
          )}
        </>
      )}
      <h4>{t.history}</h4>
      {history.length === 0 && <p className="muted">{t.noHistory}</p>}
      <ol className="history" aria-label={t.history}>
        {history.map((h, index) => (
          <li key={`${h.at}-${index}`}>
            {t.historyLine({
              at: i18n.dateTime(h.at),
              user: h.user,
              action: h.action,
              grading: h.grading,
              sources: h.sources.join(', '),
            })}
            {h.approver ? t.approvedBy(h.approver) : ''})
          </li>
        ))}
      </ol>
    </section>
  );
}
