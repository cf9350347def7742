/** Changes waiting for review: approve or reject (admins and reviewers; the server says who may). */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { changeTitle } from './change-title.ts';
import { PENDING_CHANGES, REVIEW_CHANGE, type ChangeProposal } from './operations.ts';
import { useT } from '../i18n/i18n.ts';

export function ReviewList(props: { onError: (e: unknown) => void }) {
  const { onError } = props;
  const [pending, setPending] = useState<readonly ChangeProposal[]>([]);
  const { investigations: t, common } = useT();
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
    <section className="review-list" aria-label={t.review}>
      <h3>{t.reviewTitle}</h3>
      {pending.length === 0 && <p className="muted">{common.none}</p>}
      <ul>
        {pending.map((p) => (
          <li key={p.id}>
            {changeTitle(p.change)} <span className="muted">{t.proposedBy(p.proposer, p.grading)}</span>{' '}
            <button onClick={() => void review(p.id, true)}>{t.approve}</button>{' '}
            <button className="secondary" onClick={() => void review(p.id, false)}>
              {t.reject}
            </button>
          </li>
        ))}
      </ul>
      <button className="secondary" onClick={() => void refresh()}>
        {common.refresh}
      </button>
    </section>
  );
}
