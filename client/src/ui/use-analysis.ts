import { useMemo, useState } from 'react';
import { analyzeView, type ViewAnalytics } from '../analytics/index.ts';
import { analysisStyle, viewGraphOf, type AnalysisStyle, type SizeBy } from '../model-view/analysis-style.ts';
import type { Visible } from '../model-view/filters.ts';
import type { GraphDoc } from '../model-view/graph-doc.ts';

/**
 * Analytics of what is on screen, computed only while someone looks at them (the Analysis tab
 * is open, or the canvas is sized or coloured by them): betweenness is costly on large views.
 */
export function useAnalysis(input: { doc: GraphDoc; visible: Visible; panelOpen: boolean }) {
  const { doc, visible, panelOpen } = input;
  const [sizeBy, setSizeBy] = useState<SizeBy>('none');
  const [colourByCommunity, setColourByCommunity] = useState(false);
  const needed = panelOpen || sizeBy !== 'none' || colourByCommunity;

  const analytics = useMemo((): ViewAnalytics | undefined => {
    if (!needed) return undefined;
    return analyzeView(viewGraphOf(doc, visible), { seed: 1 });
  }, [needed, doc, visible]);

  const style = useMemo((): AnalysisStyle | undefined => {
    if (!analytics || (sizeBy === 'none' && !colourByCommunity)) return undefined;
    return analysisStyle({ analytics, sizeBy, colourByCommunity });
  }, [analytics, sizeBy, colourByCommunity]);

  return { analytics, style, sizeBy, setSizeBy, colourByCommunity, setColourByCommunity };
}
