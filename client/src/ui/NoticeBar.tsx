import type { Notice } from './use-graph-actions.ts';
import { useT } from '../i18n/i18n.ts';

/** One line at most, whatever the message: a long one is cut (in full on hover), never pushing the canvas down. */
export function NoticeBar(props: { notice: Notice; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className={`notice-bar ${props.notice.kind}`} role={props.notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-text" title={props.notice.text}>
        {props.notice.text}
      </span>
      <button className="link" onClick={props.onDismiss} aria-label={t.notice.dismissLabel}>
        {t.notice.dismiss}
      </button>
    </div>
  );
}
