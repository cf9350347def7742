import type { Notice } from './use-graph-actions.ts';

/** One line at most, whatever the message: a long one is cut (in full on hover), never pushing the canvas down. */
export function NoticeBar(props: { notice: Notice; onDismiss: () => void }) {
  return (
    <div className={`notice-bar ${props.notice.kind}`} role={props.notice.kind === 'error' ? 'alert' : 'status'}>
      <span className="notice-text" title={props.notice.text}>
        {props.notice.text}
      </span>
      <button className="link" onClick={props.onDismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
