import { useEffect, useState } from 'react';
import { loadAtlas, type Atlas } from './atlas.ts';

type AtlasLoad = { phase: 'loading' } | { phase: 'ready'; atlas: Atlas } | { phase: 'failed'; error: string };

let cached: Promise<Atlas> | undefined;

/** The outlines, loaded once per page (they come with the bundle, not from a server). */
export function useAtlas(): AtlasLoad {
  const [load, setLoad] = useState<AtlasLoad>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    cached ??= loadAtlas();
    cached.then(
      (atlas) => live && setLoad({ phase: 'ready', atlas }),
      (error: unknown) => {
        cached = undefined;
        if (live) setLoad({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return load;
}
