import { describe, expect, it } from 'vitest';
import { chartSvg, wrapCaption } from './chart-svg.ts';

const scene = {
  nodes: [
    { x: 0, y: 0, width: 34, height: 34, shape: 'ellipse', colour: '#2f6fb3', caption: 'Mohamed "Mimo" Djeha' },
    { x: 200, y: 50, width: 34, height: 34, shape: 'diamond', colour: '#b7950b', caption: 'Custody <2025>' },
  ],
  edges: [
    { from: { x: 0, y: 0 }, to: { x: 200, y: 50 }, width: 2, colour: '#b7950b', dashed: true, caption: 'custody' },
  ],
};
const facts = {
  title: 'Affaire Ofast & IGPN',
  purpose: 'Case 2025-117',
  date: '2026-12-04T20:00:00.000Z',
  labels: ['Event', 'Person'],
  notes: ['Node size: links drawn'],
};

describe('the SVG chart', () => {
  it('carries the typed title, purpose, date and legend as text, escaped', () => {
    const svg = chartSvg(scene, facts);
    expect(svg).toContain('<title>Affaire Ofast &amp; IGPN</title>');
    expect(svg).toContain('Purpose: Case 2025-117 · exported 2026-12-04T20:00:00.000Z');
    expect(svg).toContain('>Legend</text>');
    expect(svg).toContain('>Person</text>');
    expect(svg).toContain('>Node size: links drawn</text>');
    expect(svg).toContain('Mohamed &quot;Mimo&quot; Djeha');
    expect(svg).toContain('Custody &lt;2025&gt;');
    expect(svg).toContain('stroke-dasharray="8 4"');
    expect(svg).not.toContain('<2025>');
  });

  it('is well-formed XML that a browser parser accepts', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window();
    const parsed = new window.DOMParser().parseFromString(chartSvg(scene, facts), 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.querySelectorAll('text').length).toBeGreaterThan(5);
    await window.happyDOM.close();
  });

  it('bends an edge the canvas bends, so parallel links stay apart, and wraps long captions as the canvas does', () => {
    const [edge] = scene.edges;
    if (!edge) throw new Error('fixture has an edge');
    const bent = { ...edge, control: { x: 100, y: -40 }, mid: { x: 100, y: 5 } };
    const svg = chartSvg({ ...scene, edges: [bent] }, facts);
    expect(svg).toContain('d="M0,0 Q100,-40 200,50"');
    expect(svg).toContain('<text x="100" y="2"');
    expect(wrapCaption('Two Ofast Marseille officers taken into custody')).toEqual([
      'Two Ofast Marseille',
      'officers taken into',
      'custody',
    ]);
    expect(wrapCaption('Djeha\n+3 more')).toEqual(['Djeha', '+3 more']);
  });
});
