import type { NodeShape } from '../model-view/label-styles.ts';

const POLYGONS: Partial<Record<NodeShape, string>> = {
  hexagon: '3,8 6,2 14,2 17,8 14,14 6,14',
  diamond: '10,1 18,8 10,15 2,8',
  octagon: '6,1 14,1 18,5 18,11 14,15 6,15 2,11 2,5',
  triangle: '10,1 18,15 2,15',
  star: '10,1 12,6 18,6 13,9.5 15,15 10,11.5 5,15 7,9.5 2,6 8,6',
  tag: '2,2 14,2 18,8 14,14 2,14',
};

/** The node shape drawn small, so the legend looks like the canvas. */
export function ShapeIcon(props: { shape: NodeShape; color: string }) {
  const { shape, color } = props;
  const polygon = POLYGONS[shape];
  return (
    <svg width="20" height="16" viewBox="0 0 20 16" aria-hidden="true">
      {polygon ? (
        <polygon points={polygon} fill={color} />
      ) : shape === 'ellipse' ? (
        <ellipse cx="10" cy="8" rx="7" ry="7" fill={color} />
      ) : (
        <rect x="3" y="2" width="14" height="12" rx={shape === 'rectangle' ? 0 : 3} fill={color} />
      )}
    </svg>
  );
}
