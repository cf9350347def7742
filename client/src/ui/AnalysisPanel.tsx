import { MEASURES, type Measure, type RankedNode } from '../analytics/index.ts';
import { communityColour, type SizeBy } from '../model-view/analysis-style.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import type { useAnalysis } from './use-analysis.ts';

const MEASURE_TITLES: Record<Measure, string> = { degree: 'Degree', betweenness: 'Betweenness', pagerank: 'PageRank' };

const formatValue = (measure: Measure, value: number) => (measure === 'degree' ? String(value) : value.toFixed(3));

/** Who matters in what is on screen: key players by a measure, and brokers between communities. */
export function AnalysisPanel(props: {
  doc: GraphDoc;
  analysis: ReturnType<typeof useAnalysis>;
  onPick: (id: string) => void;
}) {
  const { doc, analysis, onPick } = props;
  const { analytics } = analysis;
  const measure: Measure = analysis.sizeBy === 'none' ? 'degree' : analysis.sizeBy;
  const name = (id: string) => doc.nodes.get(id)?.name ?? id;
  const entry = (node: RankedNode | { id: string }, detail: string) => (
    <li key={node.id}>
      <button className="link" onClick={() => onPick(node.id)}>
        {name(node.id)}
      </button>{' '}
      <span className="muted">{detail}</span>
    </li>
  );
  return (
    <section className="analysis" aria-label="Analysis">
      <div className="button-row">
        <label>
          Size by{' '}
          <select
            aria-label="Size by"
            value={analysis.sizeBy}
            onChange={(e) => analysis.setSizeBy(e.target.value as SizeBy)}
          >
            <option value="none">Nothing</option>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {MEASURE_TITLES[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={analysis.colourByCommunity}
            onChange={(e) => analysis.setColourByCommunity(e.target.checked)}
          />{' '}
          Colour by community
        </label>
      </div>
      {!analytics || analytics.keyPlayers.degree.length === 0 ? (
        <p className="muted">Put some nodes on the canvas to analyse them.</p>
      ) : (
        <>
          <p className="muted">
            {analytics.communities.count} communit{analytics.communities.count === 1 ? 'y' : 'ies'} among{' '}
            {Object.keys(analytics.measures).length} nodes on screen.
          </p>
          <h3>Key players by {measure === 'pagerank' ? 'PageRank' : measure}</h3>
          <ol className="ranked" aria-label="Key players">
            {analytics.keyPlayers[measure].map((node) => entry(node, formatValue(measure, node.value)))}
          </ol>
          <h3>Links between communities</h3>
          {analytics.brokers.length === 0 ? (
            <p className="muted">No one on screen links two communities.</p>
          ) : (
            <ol className="ranked" aria-label="Links between communities">
              {analytics.brokers.map((broker) =>
                entry(broker, `links ${broker.connects.map((c) => `#${c + 1}`).join(', ')}`),
              )}
            </ol>
          )}
          {analysis.colourByCommunity && (
            <ul className="community-legend" aria-label="Communities">
              {Array.from({ length: Math.min(analytics.communities.count, 10) }, (_, c) => (
                <li key={c}>
                  <span className="swatch" style={{ background: communityColour(c) }} /> #{c + 1}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
