/**
 * Gathers a briefing from the open view through the reads the explorer already makes: the chart
 * from the canvas, the sources' Documents by id, and the red flags under the current purpose
 * (the investigation's case number once it is open). Only what is on the view is kept.
 */
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { RED_FLAGS } from '../../api/operations.ts';
import type { CanvasHandle } from '../../canvas/canvas-handle.ts';
import { visibleElements } from '../../model-view/filters.ts';
import { redFlagsError } from '../../model-view/red-flags.ts';
import { fetchDocuments } from '../../ui/use-entity-details.ts';
import type { Briefing } from './briefing.ts';
import { briefingOfView, type FlagsRead, type ViewContents } from './briefing-of-view.ts';

/** The server ranks red flags; a view is a few dozen elements, so its flags are among the first ones. */
const RED_FLAG_LIMIT = 500;

export async function collectBriefing(
  input: Omit<ViewContents, 'documents' | 'flags' | 'chart' | 'preparedAt'> & { canvas: CanvasHandle | null },
): Promise<Briefing> {
  const visible = visibleElements(input.doc, input.filters);
  const onView = [
    ...[...visible.nodes].map((id) => input.doc.nodes.get(id)),
    ...[...visible.relationships].map((id) => input.doc.relationships.get(id)),
  ];
  const sourceIds = [...new Set(onView.flatMap((e) => e?.sources ?? []))];
  const [chart, documents, flags] = await Promise.all([chartOf(input.canvas), fetchDocuments(sourceIds), readFlags()]);
  return briefingOfView({
    ...input,
    documents,
    flags,
    ...(chart === undefined ? {} : { chart }),
    preparedAt: new Date().toISOString(),
  });
}

async function readFlags(): Promise<FlagsRead> {
  try {
    const { redFlags } = await api.request(RED_FLAGS, { rules: null, limit: RED_FLAG_LIMIT });
    return { phase: 'listed', flags: redFlags };
  } catch (error) {
    // A viewer may not read red flags; the briefing says so instead of failing.
    if (error instanceof ApiError && error.code === 'FORBIDDEN')
      return { phase: 'unavailable', reason: redFlagsError(error) };
    throw error;
  }
}

async function chartOf(canvas: CanvasHandle | null): Promise<string | undefined> {
  if (!canvas) return undefined;
  const blob = await canvas.png();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : undefined);
    reader.onerror = () => reject(reader.error ?? new Error('the chart image could not be read'));
    reader.readAsDataURL(blob);
  });
}
