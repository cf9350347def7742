import { MEASURES, type Measure, type RankedNode } from '../analytics/index.ts';
import { communityColour, type SizeBy } from '../model-view/analysis-style.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';
import type { useAnalysis } from './use-analysis.ts';
import { useI18n, type I18n } from '../i18n/i18n.ts';

const formatValue = (measure: Measure, value: number, number: I18n['number']) =>
  measure === 'degree' ? number(value) : number(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** Who matters in what is on screen: key players by a measure, and brokers between communities. */
export function AnalysisPanel(props: {
  doc: GraphDoc;
  analysis: ReturnType<typeof useAnalysis>;
  onPick: (id: string) => void;
}) {
  const { doc, analysis, onPick } = props;
  const { analytics } = analysis;
  const i18n = useI18n();
  const t = i18n.t.analysis;
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
    <section className="analysis" aria-label={t.label}>
      <div className="button-row">
        <label>
          {t.sizeBy}{' '}
          <select
            aria-label={t.sizeBy}
            value={analysis.sizeBy}
            onChange={(e) => analysis.setSizeBy(e.target.value as SizeBy)}
          >
            <option value="none">{t.nothing}</option>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t.measures[m]}
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
          {t.colourByCommunity}
        </label>
      </div>
      {!analytics || analytics.keyPlayers.degree.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <>
          <p className="muted">{t.communities(analytics.communities.count, Object.keys(analytics.measures).length)}</p>
          <h3>{t.keyPlayersBy(t.measuresInline[measure])}</h3>
          <ol className="ranked" aria-label={t.keyPlayers}>
            {analytics.keyPlayers[measure].map((node) => entry(node, formatValue(measure, node.value, i18n.number)))}
          </ol>
          <h3>{t.brokers}</h3>
          {analytics.brokers.length === 0 ? (
            <p className="muted">{t.noBrokers}</p>
          ) : (
            <ol className="ranked" aria-label={t.brokers}>
              {analytics.brokers.map((broker) =>
                entry(broker, t.links(broker.connects.map((c) => `#${c + 1}`).join(', '))),
              )}
            </ol>
          )}
          {analysis.colourByCommunity && (
            <ul className="community-legend" aria-label={t.communitiesLabel}>
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
