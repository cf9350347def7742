/**
 * The background network: clans, officials in agencies, cases, lookups, payments, shipments,
 * informants and events, realistic enough to explore and large enough to benchmark.
 *
 * It is built so that it raises no red flag by itself (the planted patterns are the only
 * ones), which is what lets the tests measure precision:
 * - two worlds: officials with their families and colleagues, and criminals with theirs; no
 *   ASSOCIATE_OF, FAMILY_OF or PAID ever crosses between them, and organizations pay no one;
 * - officials consult only the records of their own cases' subjects, within their assignment,
 *   or records of people who are subject of no case;
 * - monitored deliveries stay within +8 % of the declaration; no event ends in 'evaded';
 * - threats stay among criminals and their civilian relatives; informants are paid in cash.
 */
import { ACTIVITY_END, ACTIVITY_START, day } from './dates.ts';
import { codename, familyName, placeName } from './names.ts';
import type { World } from './World.ts';

export interface Official {
  readonly id: string;
  readonly agency: string;
  readonly since: number;
  readonly until?: number;
}

export interface Scene {
  readonly locations: string[];
  readonly placeNames: ReadonlyMap<string, string>;
  readonly agencies: string[];
  readonly clans: string[];
  readonly companies: string[];
}

const AGENCY_KINDS = ['police', 'gendarmerie', 'customs', 'judiciary', 'prison', 'oversight'] as const;

export function buildScene(world: World, people: number): Scene {
  const { rng } = world;
  world.out.node('Document', {
    id: 'doc-synthetic',
    name: 'Synthetic network (fictional)',
    title: 'Generated test data: every person, organization and fact in it is synthetic and fictional',
    publisher: 'Maillon generator',
    sources: ['doc-synthetic'],
  });
  const placeNames = new Map<string, string>();
  const locations = Array.from({ length: 10 + Math.floor(people / 10_000) }, (_, i) => {
    const name = placeName(rng, i);
    const id = world.add('Location', name, { kind: i % 4 === 0 ? 'port' : 'city', country: 'Freeland' });
    placeNames.set(id, name);
    return id;
  });
  const agencies = Array.from({ length: Math.max(AGENCY_KINDS.length, Math.floor(people / 1_500)) }, (_, i) => {
    const kind = AGENCY_KINDS[i % AGENCY_KINDS.length] as string;
    const base = rng.pick(locations);
    const id = world.add('Agency', `${kind[0]?.toUpperCase()}${kind.slice(1)} unit, ${placeNames.get(base)}`, {
      kind,
      country: 'Freeland',
    });
    world.link('BASED_IN', id, base);
    return id;
  });
  const clans = Array.from({ length: Math.max(3, Math.floor(people / 40)) }, () => {
    const id = world.add('Organization', `Clan ${familyName(rng)}`, { kind: 'criminal', country: 'Freeland' });
    world.link('BASED_IN', id, rng.pick(locations));
    return id;
  });
  const companies = Array.from({ length: Math.max(2, Math.floor(people / 200)) }, () =>
    world.add('Organization', `${familyName(rng)} Import-Export`, { kind: 'company', country: 'Freeland' }),
  );
  return { locations, placeNames, agencies, clans, companies };
}

export interface Population {
  readonly officials: Official[];
  readonly criminals: string[];
  readonly civilians: string[];
}

/** People of both worlds, with their families, colleagues and accomplices. */
export function buildPopulation(world: World, scene: Scene, people: number): Population {
  const population: Population = { officials: [], criminals: [], civilians: [] };
  const target = world.peopleWritten + Math.max(30, people);
  while (world.peopleWritten < target) {
    const roll = world.rng.next();
    if (roll < 0.15) addOfficial(world, scene, population);
    else if (roll < 0.6 || population.criminals.length === 0) addCriminal(world, scene, population);
    else addCriminalsRelative(world, scene, population);
  }
  return population;
}

function addOfficial(world: World, scene: Scene, { officials }: Population): void {
  const { rng } = world;
  const since = day('2000-01-01') + rng.int(0, 18 * 365);
  const until = rng.chance(0.15) ? Math.max(since + 400, day('2016-01-01') + rng.int(0, 7 * 365)) : undefined;
  const official: Official = {
    id: world.person({ occupation: 'civil servant' }),
    agency: rng.pick(scene.agencies),
    since,
    until,
  };
  world.employ(official.id, official.agency, since, until);
  for (let n = rng.int(0, 2); n > 0 && officials.length > 0; n--) {
    world.link('ASSOCIATE_OF', official.id, rng.pick(officials).id, { context: 'colleague' });
  }
  if (rng.chance(0.5)) world.link('BASED_IN', official.id, rng.pick(scene.locations));
  if (rng.chance(0.6)) {
    const relative = world.person();
    world.link('FAMILY_OF', relative, official.id, { relation: rng.pick(['spouse', 'sibling', 'child', 'parent']) });
    if (rng.chance(0.5)) world.link('BASED_IN', relative, rng.pick(scene.locations));
  }
  officials.push(official);
}

function addCriminal(world: World, scene: Scene, { criminals }: Population): void {
  const { rng } = world;
  const id = world.person();
  world.link('MEMBER_OF', id, rng.pick(scene.clans), {
    role: rng.pick(['runner', 'lookout', 'dealer', 'lieutenant', 'courier']),
  });
  for (let n = rng.int(0, 3); n > 0 && criminals.length > 0; n--) {
    world.link('ASSOCIATE_OF', id, rng.pick(criminals), { context: 'trafficking' });
  }
  if (criminals.length > 0 && rng.chance(0.3)) world.link('FAMILY_OF', id, rng.pick(criminals), { relation: 'cousin' });
  if (rng.chance(0.5)) world.link('BASED_IN', id, rng.pick(scene.locations));
  criminals.push(id);
}

/** A civilian of the criminals' world: a relative, sometimes employed by a front company. */
function addCriminalsRelative(world: World, scene: Scene, { criminals, civilians }: Population): void {
  const { rng } = world;
  const id = world.person();
  world.link('FAMILY_OF', id, rng.pick(criminals), { relation: rng.pick(['spouse', 'sibling', 'parent', 'child']) });
  if (civilians.length > 0 && rng.chance(0.5))
    world.link('ASSOCIATE_OF', id, rng.pick(civilians), { context: 'neighbour' });
  if (rng.chance(0.2)) world.link('MEMBER_OF', id, rng.pick(scene.companies), { role: 'employee' });
  if (rng.chance(0.5)) world.link('BASED_IN', id, rng.pick(scene.locations));
  civilians.push(id);
}

/** A random day in [from, to] clipped to the activity span, or undefined when empty. */
export function dayWithin(world: World, from: number, to: number | undefined): number | undefined {
  const lo = Math.max(from, ACTIVITY_START);
  const hi = Math.min(to ?? ACTIVITY_END, ACTIVITY_END);
  return lo > hi ? undefined : world.rng.int(lo, hi);
}

export { codename };
