import type { Notice } from './use-graph-actions.ts';

export function NoticeBar(props: { notice: Notice; onDismiss: () => void }) {
  return (
    <div className={`notice-bar ${props.notice.kind}`} role={props.notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{props.notice.text}</span>
      <button className="link" onClick={props.onDismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}
