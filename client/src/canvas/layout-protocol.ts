/** Messages between the canvas and the layout worker (plain data only). */

/**
 * fcose for small views (its constrained layout reads better there); ForceAtlas2 with Barnes-Hut
 * for large ones, which stays near O(n log n) per iteration and starts from the current picture.
 */
export type WorkerLayout = 'fcose' | 'forceatlas2';

export interface LayoutNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Laid out by an earlier run (or placed by the investigator): starts where it is, moves little. */
  readonly placed: boolean;
}

export interface LayoutRequest {
  readonly algorithm: WorkerLayout;
  readonly nodes: readonly LayoutNode[];
  readonly edges: ReadonlyArray<{ id: string; source: string; target: string }>;
  readonly fixed: ReadonlyArray<{ nodeId: string; position: { x: number; y: number } }>;
  readonly incremental: boolean;
}

export type Positions = Record<string, { x: number; y: number }>;

export type LayoutResponse =
  { readonly ok: true; readonly positions: Positions } | { readonly ok: false; readonly message: string };
