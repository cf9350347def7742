/**
 * Fresh actors for planted patterns. Each planted instance gets its own people so that it is
 * tied to nothing else by ASSOCIATE_OF, FAMILY_OF or PAID: it raises its own flag and no other.
 * They still belong to the background's agencies and clans (non-tie relationships).
 */
import type { Scene } from './background.ts';
import { day, isoDay } from './dates.ts';
import type { World } from './World.ts';

/** A serving official: employed since 2010, no end date. */
export function official(world: World, scene: Scene): string {
  const id = world.person({ occupation: 'civil servant' });
  world.employ(id, world.rng.pick(scene.agencies), day('2010-01-01') + world.rng.int(0, 365));
  return id;
}

/** A former official whose employment ended in 2017, before every planted fact (all from 2019 on). */
export function formerOfficial(world: World, scene: Scene): string {
  const id = world.person({ occupation: 'retired civil servant' });
  world.employ(id, world.rng.pick(scene.agencies), day('2005-01-01'), day('2017-06-30'));
  return id;
}

/** A criminal by membership of a clan. */
export function clanMember(world: World, scene: Scene): { id: string; clan: string } {
  const id = world.person();
  const clan = world.rng.pick(scene.clans);
  world.link('MEMBER_OF', id, clan, { role: 'lieutenant' });
  return { id, clan };
}

export const civilian = (world: World): string => world.person();

/** A fresh case investigated by one of the agencies, opened at `opened`. */
export function newCase(world: World, scene: Scene, opened: number): string {
  const id = world.add('Case', `Case ${isoDay(opened)}`, { kind: 'police', status: 'open', opened: isoDay(opened) });
  world.link('INVESTIGATES', world.rng.pick(scene.agencies), id, { since: isoDay(opened) });
  return id;
}

/** A record about `subject`. */
export function recordOn(world: World, subject: string): string {
  const id = world.record('TAJ', 'person file');
  world.link('CONCERNS', id, subject);
  return id;
}

/** A planted fact's day: 2019–2024. */
export const factDay = (world: World): number => day('2019-06-01') + world.rng.int(0, 5 * 365);
