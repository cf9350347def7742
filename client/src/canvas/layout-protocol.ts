/** Messages between the canvas and the fcose layout worker (plain data only). */
export interface LayoutRequest {
  readonly nodes: ReadonlyArray<{ id: string; x: number; y: number; w: number; h: number }>;
  readonly edges: ReadonlyArray<{ id: string; source: string; target: string }>;
  readonly fixed: ReadonlyArray<{ nodeId: string; position: { x: number; y: number } }>;
  readonly incremental: boolean;
}

export type LayoutResponse =
  | { readonly ok: true; readonly positions: Record<string, { x: number; y: number }> }
  | { readonly ok: false; readonly message: string };
