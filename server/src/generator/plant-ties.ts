/** Planted official-criminal ties and their near misses. */
import type { Scene } from './background.ts';
import { civilian, clanMember, factDay, formerOfficial, newCase, official } from './cast.ts';
import { isoDay } from './dates.ts';
import type { World } from './World.ts';

const RULE = 'official-criminal-tie';

export function plantTies(world: World, scene: Scene): void {
  const { rng } = world;
  const cash = () => ({
    amount: rng.int(5, 50) * 100,
    currency: 'EUR',
    method: 'cash' as const,
    at: isoDay(factDay(world)),
  });

  let o = official(world, scene);
  let k = clanMember(world, scene).id;
  world.link('ASSOCIATE_OF', o, k, { context: 'childhood friend' });
  world.plant(RULE, 'associate', [o, k]);

  o = official(world, scene);
  k = clanMember(world, scene).id;
  const relative = civilian(world);
  world.link('FAMILY_OF', relative, o, { relation: 'sibling' });
  world.link('FAMILY_OF', k, relative, { relation: 'spouse' });
  world.plant(RULE, 'family, 2 hops', [o, k]);

  o = official(world, scene);
  k = clanMember(world, scene).id;
  world.link('PAID', k, o, cash());
  world.plant(RULE, 'paid', [o, k]);

  o = official(world, scene);
  k = clanMember(world, scene).id;
  const middleman = civilian(world);
  world.link('PAID', k, middleman, cash());
  world.link('PAID', middleman, o, cash());
  world.plant(RULE, 'paid through a middleman, 2 hops', [o, k]);

  // Near misses: on the case, a former official, three hops.
  o = official(world, scene);
  k = clanMember(world, scene).id;
  const caseId = newCase(world, scene, factDay(world));
  world.link('SUBJECT_OF', k, caseId, { status: 'suspect' });
  world.link('ASSIGNED_TO', o, caseId, { since: '2019-01-01' });
  world.link('ASSOCIATE_OF', o, k, { context: 'surveillance contact' });
  world.decoy(RULE, 'assigned to the criminal case', [o, k]);

  o = formerOfficial(world, scene);
  k = clanMember(world, scene).id;
  world.link('PAID', k, o, cash());
  world.decoy(RULE, 'paid after the employment ended', [o, k]);

  o = official(world, scene);
  k = clanMember(world, scene).id;
  const [r1, r2] = [civilian(world), civilian(world)];
  world.link('FAMILY_OF', r1, o, { relation: 'child' });
  world.link('ASSOCIATE_OF', r1, r2, { context: 'school' });
  world.link('ASSOCIATE_OF', r2, k, { context: 'neighbour' });
  world.decoy(RULE, 'three hops away', [o, k]);
}
