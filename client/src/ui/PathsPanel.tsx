import type { Path } from '../api/types.ts';
import { pathSteps } from '../model-view/describe.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import { MAX_CONNECTION_ENDS, pairsOf, type PathSearch } from '../model-view/path-search.ts';
import { PathSettings } from './PathSettings.tsx';
import type { usePaths } from './use-paths.ts';
import { useT } from '../i18n/i18n.ts';
import { typeName } from '../i18n/model-words.ts';

type Paths = ReturnType<typeof usePaths>;

function PathItem(props: { path: Path; index: number; search: Extract<PathSearch, { phase: 'found' }>; paths: Paths }) {
  const { path, index, search } = props;
  const t = useT().paths;
  return (
    <li className={search.shown === index ? 'active' : ''}>
      <button className="link" onClick={() => props.paths.showOnly(search.shown === index ? 'all' : index)}>
        {t.path(index + 1, path.length)}
      </button>
      <ol className="steps">
        {pathSteps(path).map((step, i) => (
          <li key={i}>
            {step.from.name} {step.forward ? `—${typeName(step.type)}→` : `←${typeName(step.type)}—`} {step.to.name}
            {step.dates && <span className="muted"> ({step.dates})</span>}
          </li>
        ))}
      </ol>
    </li>
  );
}

function Results(props: { doc: GraphDoc; paths: Paths }) {
  const { search, options } = props.paths;
  const t = useT().paths;
  if (search.phase === 'idle') return null;
  if (search.phase === 'searching') return <p className="muted">{t.searching}</p>;
  if (search.phase === 'failed') return <p className="error">{search.message}</p>;
  const name = (id: string) => props.doc.nodes.get(id)?.name ?? id;
  const none = t.none(options.maxLength);
  if (search.question.kind === 'pair') {
    if (search.paths.length === 0) return <p data-testid="paths-none">{none}</p>;
    return (
      <ol className="path-list" aria-label={t.found}>
        {search.paths.map((path, index) => (
          <PathItem key={index} path={path} index={index} search={search} paths={props.paths} />
        ))}
      </ol>
    );
  }
  return (
    <ul className="path-list" aria-label={t.connections}>
      {pairsOf(search.question.ids, search.paths).map((pair) => (
        <li key={`${pair.from} ${pair.to}`} data-testid="connection-pair">
          <strong>
            {name(pair.from)} — {name(pair.to)}
          </strong>
          {pair.paths.length === 0 ? (
            <p className="muted">{none}</p>
          ) : (
            <ol className="steps-group">
              {pair.paths.map((index) => {
                const path = search.paths[index];
                return path ? (
                  <PathItem key={index} path={path} index={index} search={search} paths={props.paths} />
                ) : null;
              })}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}

export function PathsPanel(props: { doc: GraphDoc; selection: readonly string[]; paths: Paths }) {
  const { doc, paths } = props;
  const { ends, search } = paths;
  const { paths: t, common } = useT();
  const name = (id: string | undefined) => (id ? (doc.nodes.get(id)?.name ?? id) : t.notChosen);
  const ready = ends.from !== undefined && ends.to !== undefined && ends.from !== ends.to;
  const selected = props.selection.filter((id) => doc.nodes.has(id));
  const canConnect = selected.length >= 2 && selected.length <= MAX_CONNECTION_ENDS;
  const busy = search.phase === 'searching';
  return (
    <section className="paths" aria-label={t.label}>
      <p className="muted">{t.hint}</p>
      <dl className="properties">
        <div>
          <dt>{common.from}</dt>
          <dd data-testid="path-from">{name(ends.from)}</dd>
        </div>
        <div>
          <dt>{common.to}</dt>
          <dd data-testid="path-to">{name(ends.to)}</dd>
        </div>
      </dl>
      <PathSettings options={paths.options} onChange={paths.setOptions} />
      <div className="button-row">
        <button disabled={!ready || busy} onClick={() => ends.from && ends.to && void paths.find(ends.from, ends.to)}>
          {t.find}
        </button>
        <button className="secondary" onClick={paths.swap} disabled={!ready}>
          {t.swap}
        </button>
        {search.phase === 'found' && (
          <button className="secondary" onClick={paths.clear}>
            {common.clearHighlight}
          </button>
        )}
      </div>
      <div className="button-row">
        <button
          className="secondary"
          disabled={!canConnect || busy}
          title={t.connectTitle(MAX_CONNECTION_ENDS)}
          onClick={() => void paths.connect(selected)}
        >
          {t.connect(selected.length)}
        </button>
      </div>
      {selected.length > MAX_CONNECTION_ENDS && <p className="muted">{t.tooMany(MAX_CONNECTION_ENDS)}</p>}
      <Results doc={doc} paths={paths} />
    </section>
  );
}
