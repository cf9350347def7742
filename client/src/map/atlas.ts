import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CountryPoint } from './map-content.ts';
import { countryPoints } from './projection.ts';

export interface Atlas {
  /** Country outlines (Natural Earth 1:110m, public domain, from the world-atlas package). */
  readonly countries: FeatureCollection<Geometry, { name?: string }>;
  readonly countryPoint: CountryPoint;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name?: string }> }>;

/** Builds the atlas from the world-atlas topology: no tile server, nothing fetched from elsewhere. */
function atlasFrom(topology: CountriesTopology): Atlas {
  const countries = feature(topology, topology.objects.countries);
  return { countries, countryPoint: countryPoints(countries) };
}

/** Loads the outlines on first use only, so the explorer's first screen does not carry them. */
export async function loadAtlas(): Promise<Atlas> {
  const module: { default: unknown } = await import('world-atlas/countries-110m.json');
  if (!isCountriesTopology(module.default))
    throw new Error('world-atlas/countries-110m.json holds no countries topology');
  return atlasFrom(module.default);
}

function isCountriesTopology(value: unknown): value is CountriesTopology {
  if (typeof value !== 'object' || value === null) return false;
  const { type, objects } = value as { type?: unknown; objects?: { countries?: { type?: unknown } } };
  return type === 'Topology' && objects?.countries?.type === 'GeometryCollection';
}
