import { styleForLabel } from '../model-view/label-styles.ts';
import { withPngText } from '../model-view/png-text.ts';
import { messages } from '../i18n/current.ts';
import { labelName } from '../i18n/model-words.ts';

export interface ChartFacts {
  readonly title: string;
  readonly purpose: string;
  /** ISO date and time of the export. */
  readonly date: string;
  /** Labels drawn, for the legend. */
  readonly labels: readonly string[];
  /** What sizes, thicknesses and dashed links mean (style rules, collapsed events, groups), one line each. */
  readonly notes?: readonly string[];
}

const HEADER = 64;
const LEGEND_ROW = 22;
const MARGIN = 16;

/**
 * The graph picture framed as a chart: title, purpose and date above, the legend below, and the same
 * facts in the PNG's text chunks. A chart leaves the tab: it must say what it shows and why it was read.
 */
export async function composeChart(graph: Blob, facts: ChartFacts): Promise<Blob> {
  const image = await createImageBitmap(graph);
  const width = Math.max(image.width, 480);
  const notes = facts.notes ?? [];
  const legendHeight = LEGEND_ROW * (facts.labels.length + notes.length + 1) + MARGIN;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = HEADER + image.height + legendHeight;
  const g = canvas.getContext('2d');
  if (!g) throw new Error(messages().chart.cannotDraw);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#1f2933';
  g.font = 'bold 20px sans-serif';
  g.fillText(facts.title, MARGIN, 28);
  g.font = '13px sans-serif';
  const words = messages().chart;
  g.fillText(words.purposeLine(facts.purpose, facts.date), MARGIN, 50);
  g.drawImage(image, Math.floor((width - image.width) / 2), HEADER);
  let y = HEADER + image.height + MARGIN;
  g.font = 'bold 13px sans-serif';
  g.fillText(words.legend, MARGIN, y + 4);
  g.font = '13px sans-serif';
  for (const label of facts.labels) {
    y += LEGEND_ROW;
    g.fillStyle = styleForLabel(label).color;
    g.beginPath();
    g.arc(MARGIN + 6, y, 6, 0, 2 * Math.PI);
    g.fill();
    g.fillStyle = '#1f2933';
    g.fillText(labelName(label), MARGIN + 20, y + 4);
  }
  for (const note of notes) {
    y += LEGEND_ROW;
    g.fillText(note, MARGIN, y + 4);
  }
  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(messages().chart.cannotEncode))), 'image/png'),
  );
  const tagged = withPngText(new Uint8Array(await png.arrayBuffer()), {
    Title: facts.title,
    Description: `Purpose: ${facts.purpose}`,
    'Creation Time': facts.date,
    Software: 'Maillon',
  });
  return new Blob([tagged], { type: 'image/png' });
}
