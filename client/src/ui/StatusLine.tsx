/** "N nodes · M relationships" for what is drawn, plus what filters and hiding keep out of view. */
export function StatusLine(props: {
  nodes: number;
  relationships: number;
  totalNodes: number;
  selected: number;
  renderer: string;
}) {
  const hidden = props.totalNodes - props.nodes;
  return (
    <footer className="status" aria-label="Status">
      <span data-testid="status-counts" role="status">
        {props.nodes} nodes · {props.relationships} relationships
      </span>
      {hidden > 0 && <span className="muted"> ({hidden} hidden or filtered out)</span>}
      {props.selected > 0 && <span className="muted"> · {props.selected} selected</span>}
      {props.renderer === 'webgl' && <span className="muted"> · large view (WebGL, edge captions off)</span>}
    </footer>
  );
}
