/**
 * What the signed-in viewer may be offered. The server already hides restricted relationships
 * from a viewer without informant clearance; the interface must not hint at them either (no
 * restricted type among the expand options or the proposal form).
 */
import { createContext, useContext } from 'react';
import { REL_TYPES, RESTRICTED_REL_TYPES, type RelType } from '../shared-model.ts';

export interface Viewer {
  readonly informantClearance: boolean;
}

/** Without a provider nobody is cleared: the safe default. */
export const ViewerContext = createContext<Viewer>({ informantClearance: false });

function relTypesOfferedTo(viewer: Viewer): readonly RelType[] {
  return viewer.informantClearance ? REL_TYPES : REL_TYPES.filter((type) => !RESTRICTED_REL_TYPES.includes(type));
}

export const useOfferedRelTypes = (): readonly RelType[] => relTypesOfferedTo(useContext(ViewerContext));
