import type { Position } from './workspace-file.ts';

/**
 * Positions for `count` new nodes around `origin`, on rings that open away from the rest of the
 * graph (`centroid`), so an expansion does not land on top of what is already drawn.
 */
export function placeAround(input: {
  origin: Position;
  centroid: Position | undefined;
  count: number;
  spacing?: number;
}): Position[] {
  const { origin, centroid, count } = input;
  const spacing = input.spacing ?? 90;
  const away =
    centroid && (centroid.x !== origin.x || centroid.y !== origin.y)
      ? Math.atan2(origin.y - centroid.y, origin.x - centroid.x)
      : 0;
  // Fan out over 240° facing away from the graph when it exists, a full circle otherwise.
  const arc = centroid ? (4 * Math.PI) / 3 : 2 * Math.PI;
  const positions: Position[] = [];
  let ring = 1;
  let placed = 0;
  while (placed < count) {
    const radius = 160 + (ring - 1) * spacing;
    const capacity = Math.max(6, Math.floor((arc * radius) / spacing));
    const inRing = Math.min(capacity, count - placed);
    for (let i = 0; i < inRing; i++) {
      const t = inRing === 1 ? 0.5 : i / (arc === 2 * Math.PI ? inRing : inRing - 1);
      const angle = away - arc / 2 + t * arc;
      positions.push({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
    }
    placed += inRing;
    ring += 1;
  }
  return positions;
}
