import { useT } from '../i18n/i18n.ts';

/** "N nodes · M relationships" for what is drawn, plus what filters and hiding keep out of view. */
export function StatusLine(props: {
  nodes: number;
  relationships: number;
  totalNodes: number;
  selected: number;
  renderer: string;
}) {
  const hidden = props.totalNodes - props.nodes;
  const t = useT().status;
  return (
    <footer className="status" aria-label={t.label}>
      <span data-testid="status-counts" role="status">
        {t.counts(props.nodes, props.relationships)}
      </span>
      {hidden > 0 && <span className="muted">{t.hidden(hidden)}</span>}
      {props.selected > 0 && <span className="muted">{t.selected(props.selected)}</span>}
      {props.renderer === 'webgl' && <span className="muted">{t.webgl}</span>}
    </footer>
  );
}
