import type { GraphDoc } from '../model-view/graph-doc.ts';
import { pathSteps } from '../model-view/describe.ts';
import type { PathEnds, PathSearch } from './use-paths.ts';

export function PathsPanel(props: {
  doc: GraphDoc;
  ends: PathEnds;
  search: PathSearch;
  onFind: (from: string, to: string) => void;
  onShowOnly: (index: number | 'all') => void;
  onClear: () => void;
  onSwap: () => void;
}) {
  const { ends, search, doc } = props;
  const name = (id: string | undefined) => (id ? (doc.nodes.get(id)?.name ?? id) : 'not chosen');
  const ready = ends.from !== undefined && ends.to !== undefined && ends.from !== ends.to;
  return (
    <section className="paths" aria-label="Paths">
      <p className="muted">Select two nodes (Shift+click), or use “Path from here” / “Path to here” in the details.</p>
      <dl className="properties">
        <div>
          <dt>From</dt>
          <dd data-testid="path-from">{name(ends.from)}</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd data-testid="path-to">{name(ends.to)}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button
          disabled={!ready || search.phase === 'searching'}
          onClick={() => ends.from && ends.to && props.onFind(ends.from, ends.to)}
        >
          Find paths
        </button>
        <button className="secondary" onClick={props.onSwap} disabled={!ready}>
          Swap
        </button>
        {search.phase === 'found' && (
          <button className="secondary" onClick={props.onClear}>
            Clear highlight
          </button>
        )}
      </div>
      {search.phase === 'searching' && <p className="muted">Searching for shortest paths…</p>}
      {search.phase === 'failed' && <p className="error">{search.message}</p>}
      {search.phase === 'found' && search.paths.length === 0 && <p>No path of up to 6 steps connects them.</p>}
      {search.phase === 'found' && search.paths.length > 0 && (
        <ol className="path-list" aria-label="Paths found">
          {search.paths.map((path, index) => (
            <li key={index} className={search.shown === index ? 'active' : ''}>
              <button className="link" onClick={() => props.onShowOnly(search.shown === index ? 'all' : index)}>
                Path {index + 1}: {path.length} step{path.length === 1 ? '' : 's'}
              </button>
              <ol className="steps">
                {pathSteps(path).map((step, i) => (
                  <li key={i}>
                    {step.from.name} {step.forward ? `—${step.type}→` : `←${step.type}—`} {step.to.name}
                    {step.dates && <span className="muted"> ({step.dates})</span>}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
