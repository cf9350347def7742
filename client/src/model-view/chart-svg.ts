import { messages } from '../i18n/current.ts';
import { labelName } from '../i18n/model-words.ts';
import { styleForLabel } from './label-styles.ts';

/** A drawn node as the chart shows it, in model coordinates (read from the canvas, see canvas/scene.ts). */
interface SceneNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly shape: string;
  readonly colour: string;
  readonly caption: string;
}

interface SceneEdge {
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
  /** Where the canvas bends the edge (parallel edges bow apart); absent for a straight one. */
  readonly control?: { readonly x: number; readonly y: number };
  /** Where its caption sits on the canvas. */
  readonly mid?: { readonly x: number; readonly y: number };
  readonly width: number;
  readonly colour: string;
  readonly dashed: boolean;
  readonly caption: string;
}

export interface ChartScene {
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
}

export interface SvgChartFacts {
  readonly title: string;
  readonly purpose: string;
  /** ISO date and time of the export. */
  readonly date: string;
  /** Labels drawn, each with its colour in the legend. */
  readonly labels: readonly string[];
  /** What sizes, thicknesses and dashed links mean, one line each. */
  readonly notes: readonly string[];
}

const HEADER = 64;
const MARGIN = 24;
const ROW = 22;

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  );

const num = (n: number): string => String(Math.round(n * 10) / 10);

function polygon(node: SceneNode, corners: readonly (readonly [number, number])[]): string {
  const points = corners.map(
    ([dx, dy]) => `${num(node.x + (dx * node.width) / 2)},${num(node.y + (dy * node.height) / 2)}`,
  );
  return `<polygon points="${points.join(' ')}" fill="${escapeXml(node.colour)}" stroke="#ffffff"/>`;
}

const regular = (sides: number, turn: number): [number, number][] =>
  Array.from({ length: sides }, (_, i) => {
    const a = turn + (2 * Math.PI * i) / sides;
    return [Math.cos(a), Math.sin(a)];
  });

const STAR: [number, number][] = Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (Math.PI * i) / 5;
  const r = i % 2 === 0 ? 1 : 0.45;
  return [r * Math.cos(a), r * Math.sin(a)];
});

/** Cytoscape's shapes, close enough to recognise the label as on screen. */
function shapeOf(node: SceneNode): string {
  const { x, y, width: w, height: h } = node;
  const fill = escapeXml(node.colour);
  switch (node.shape) {
    case 'ellipse':
      return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" fill="${fill}" stroke="#ffffff"/>`;
    case 'diamond':
      return polygon(node, [
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'triangle':
      return polygon(node, [
        [0, -1],
        [1, 1],
        [-1, 1],
      ]);
    case 'hexagon':
      return polygon(node, regular(6, 0));
    case 'octagon':
      return polygon(node, regular(8, Math.PI / 8));
    case 'star':
      return polygon(node, STAR);
    default: {
      const rx = node.shape === 'rectangle' ? 0 : Math.min(w, h) / 4;
      return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(rx)}" fill="${fill}" stroke="#ffffff"/>`;
    }
  }
}

/** Words wrapped at about the width the canvas gives a caption (140 px at 11 px). */
export function wrapCaption(caption: string, width = 24): string[] {
  return caption.split('\n').flatMap((line) => {
    const lines: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      if (current && current.length + 1 + word.length > width) {
        lines.push(current);
        current = word;
      } else current = current ? `${current} ${word}` : word;
    }
    return [...lines, current];
  });
}

function captionOf(node: SceneNode): string {
  const lines = wrapCaption(node.caption);
  const top = node.y + node.height / 2 + 14;
  return lines
    .map(
      (line, i) =>
        `<text x="${num(node.x)}" y="${num(top + i * 13)}" text-anchor="middle" font-size="11">${escapeXml(line)}</text>`,
    )
    .join('');
}

function edgeOf(edge: SceneEdge): string {
  const dash = edge.dashed ? ' stroke-dasharray="8 4"' : '';
  const { from, to, control } = edge;
  const d = control
    ? `M${num(from.x)},${num(from.y)} Q${num(control.x)},${num(control.y)} ${num(to.x)},${num(to.y)}`
    : `M${num(from.x)},${num(from.y)} L${num(to.x)},${num(to.y)}`;
  const line = `<path d="${d}" fill="none" stroke="${escapeXml(edge.colour)}" stroke-width="${num(edge.width)}"${dash}/>`;
  if (!edge.caption) return line;
  const mx = edge.mid?.x ?? (from.x + to.x) / 2;
  const my = edge.mid?.y ?? (from.y + to.y) / 2;
  return `${line}<text x="${num(mx)}" y="${num(my - 3)}" text-anchor="middle" font-size="9" fill="#4a5560">${escapeXml(edge.caption)}</text>`;
}

/**
 * The view as a standalone SVG chart: title, purpose and date above, the graph, the legend below,
 * and the same facts in <title> and <desc>. Text stays text, so a court file's index can search it.
 */
export function chartSvg(scene: ChartScene, facts: SvgChartFacts): string {
  const xs = scene.nodes.flatMap((n) => [n.x - n.width / 2 - 70, n.x + n.width / 2 + 70]);
  const ys = scene.nodes.flatMap((n) => [n.y - n.height / 2, n.y + n.height / 2 + 30]);
  const bounds =
    xs.length === 0
      ? { x1: 0, y1: 0, x2: 400, y2: 100 }
      : { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
  const graphWidth = bounds.x2 - bounds.x1;
  const graphHeight = bounds.y2 - bounds.y1;
  const width = Math.max(graphWidth + 2 * MARGIN, 520);
  const legendRows = facts.labels.length + facts.notes.length + 1;
  const height = HEADER + graphHeight + MARGIN + legendRows * ROW + MARGIN;
  const dx = (width - graphWidth) / 2 - bounds.x1;
  const dy = HEADER - bounds.y1;

  let y = HEADER + graphHeight + MARGIN;
  const legend = [
    `<text x="${MARGIN}" y="${num(y)}" font-weight="bold" font-size="13">${escapeXml(messages().chart.legend)}</text>`,
  ];
  for (const label of facts.labels) {
    y += ROW;
    legend.push(
      `<circle cx="${MARGIN + 6}" cy="${num(y - 4)}" r="6" fill="${escapeXml(styleForLabel(label).color)}"/>`,
      `<text x="${MARGIN + 20}" y="${num(y)}" font-size="13">${escapeXml(labelName(label))}</text>`,
    );
  }
  for (const note of facts.notes) {
    y += ROW;
    legend.push(`<text x="${MARGIN}" y="${num(y)}" font-size="13">${escapeXml(note)}</text>`);
  }
  const subtitle = messages().chart.purposeLine(facts.purpose, facts.date);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="sans-serif" fill="#1f2933">`,
    `<title>${escapeXml(facts.title)}</title>`,
    `<desc>${escapeXml(subtitle)}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="30" font-size="20" font-weight="bold">${escapeXml(facts.title)}</text>`,
    `<text x="${MARGIN}" y="52" font-size="13">${escapeXml(subtitle)}</text>`,
    `<g transform="translate(${num(dx)} ${num(dy)})">`,
    `<g class="edges">${scene.edges.map(edgeOf).join('')}</g>`,
    `<g class="nodes">${scene.nodes.map((n) => shapeOf(n) + captionOf(n)).join('')}</g>`,
    `</g>`,
    `<g class="legend">${legend.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}
