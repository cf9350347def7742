/** Changes waiting for review: approve or reject (admins and reviewers; the server says who may). */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { changeTitle } from './change-title.ts';
import { PENDING_CHANGES, REVIEW_CHANGE, type ChangeProposal } from './operations.ts';

export function ReviewList(props: { onError: (e: unknown) => void }) {
  const { onError } = props;
  const [pending, setPending] = useState<readonly ChangeProposal[]>([]);
  const refresh = useCallback(async () => {
    try {
      setPending((await api.request(PENDING_CHANGES, {})).pendingChanges);
    } catch (error) {
      onError(error);
    }
  }, [onError]);
  useEffect(() => void refresh(), [refresh]);
  const review = async (id: string, approve: boolean) => {
    try {
      await api.request(REVIEW_CHANGE, { id, approve });
    } catch (error) {
      onError(error);
    }
    await refresh();
  };
  return (
    <section className="review-list" aria-label="Changes to review">
      <h3>Changes waiting for review</h3>
      {pending.length === 0 && <p className="muted">None.</p>}
      <ul>
        {pending.map((p) => (
          <li key={p.id}>
            {changeTitle(p.change)}{' '}
            <span className="muted">
              by {p.proposer}, graded {p.grading}
            </span>{' '}
            <button onClick={() => void review(p.id, true)}>Approve</button>{' '}
            <button className="secondary" onClick={() => void review(p.id, false)}>
              Reject
            </button>
          </li>
        ))}
      </ul>
      <button className="secondary" onClick={() => void refresh()}>
        Refresh
      </button>
    </section>
  );
}
