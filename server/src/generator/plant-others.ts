/** Planted shipment discrepancies, informants paid in kind and intimidation, with near misses. */
import type { Scene } from './background.ts';
import { civilian, clanMember, factDay, formerOfficial, official } from './cast.ts';
import { codename } from './names.ts';
import { isoDay } from './dates.ts';
import type { World } from './World.ts';

export function plantShipments(world: World, scene: Scene): void {
  const RULE = 'shipment-discrepancy';
  const shipment = (
    actualKg: number,
    monitored?: { declaredKg: number; declaredKgMax?: number },
    declaredKg?: number,
  ) => {
    const departed = factDay(world);
    const id = world.add('Shipment', `Container ${isoDay(departed)}`, {
      commodity: 'cocaine',
      actualKg,
      declaredKg,
      concealment: 'banana containers',
      departedAt: isoDay(departed),
      arrivedAt: isoDay(departed + 21),
    });
    world.link('ORGANIZED', world.rng.pick(scene.clans), id, { role: 'importer' });
    if (monitored !== undefined) {
      world.link('MONITORED', world.rng.pick(scene.agencies), id, {
        ...monitored,
        since: isoDay(departed - 20),
        until: isoDay(departed + 30),
      });
    }
    return id;
  };
  const declared = world.rng.int(10, 40) * 10;
  world.plant(RULE, 'far above the declaration', [
    shipment(Math.round(declared * (1.3 + world.rng.next())), { declaredKg: declared }),
  ]);
  world.plant(RULE, 'above a declared range', [shipment(360, { declaredKg: 180, declaredKgMax: 200 })]);
  world.decoy(RULE, 'within 10 %', [shipment(Math.floor(declared * 1.07), { declaredKg: declared })]);
  world.decoy(RULE, 'within 10 % of the top of a range', [shipment(215, { declaredKg: 180, declaredKgMax: 200 })]);
  world.decoy(RULE, 'not monitored', [shipment(300, undefined, 100)]);
}

export function plantInformants(world: World, scene: Scene, serial: number): void {
  const RULE = 'informant-paid-in-kind';
  const informant = (identity: string) => {
    const code = codename(world.rng, 9000 + serial);
    const id = world.add('Informant', code, { codename: code, reliability: 'C', active: true });
    world.link('IDENTIFIES_AS', id, identity);
    return id;
  };
  const drugs = () => ({
    method: 'drugs' as const,
    kg: world.rng.int(1, 10),
    at: isoDay(factDay(world)),
    purpose: 'reward',
  });

  let handler = official(world, scene);
  let source = informant(clanMember(world, scene).id);
  world.link('HANDLES', handler, source, { since: '2019-01-01' });
  world.link('PAID', handler, source, drugs());
  world.plant(RULE, 'drugs to the informant', [handler, source]);

  // The identity must not be a criminal: a payment from an official to one would also be a tie.
  handler = official(world, scene);
  const identity = civilian(world);
  source = informant(identity);
  world.link('HANDLES', handler, source, { since: '2019-01-01' });
  world.link('PAID', handler, identity, drugs());
  world.plant(RULE, "drugs to the informant's identity", [handler, identity], true);

  handler = official(world, scene);
  source = informant(clanMember(world, scene).id);
  world.link('PAID', handler, source, { method: 'cash', amount: 800, currency: 'EUR', at: isoDay(factDay(world)) });
  world.decoy(RULE, 'cash to an informant', [handler, source]);

  const [payer, payee] = [clanMember(world, scene).id, clanMember(world, scene).id];
  world.link('PAID', payer, payee, drugs());
  world.decoy(RULE, 'drugs to someone who is no informant', [payer, payee]);
}

export function plantIntimidation(world: World, scene: Scene): void {
  const RULE = 'intimidation-of-official';
  const threat = (from: string, to: string) =>
    world.link('THREATENED', from, to, {
      at: isoDay(factDay(world)),
      means: world.rng.pick(['phone call', 'visit at home', 'message']),
    });

  let k = clanMember(world, scene).id;
  let o = official(world, scene);
  threat(k, o);
  world.plant(RULE, 'threat to an official', [k, o]);

  k = clanMember(world, scene).id;
  o = official(world, scene);
  let relative = civilian(world);
  world.link('FAMILY_OF', relative, o, { relation: 'child' });
  threat(k, relative);
  world.plant(RULE, "threat to an official's relative", [k, relative]);

  k = clanMember(world, scene).id;
  const bystander = civilian(world);
  threat(k, bystander);
  world.decoy(RULE, 'threat to a civilian', [k, bystander]);

  k = clanMember(world, scene).id;
  o = formerOfficial(world, scene);
  threat(k, o);
  world.decoy(RULE, 'threat to a former official', [k, o]);

  k = clanMember(world, scene).id;
  relative = civilian(world);
  world.link('FAMILY_OF', relative, formerOfficial(world, scene), { relation: 'spouse' });
  threat(k, relative);
  world.decoy(RULE, "threat to a former official's relative", [k, relative]);
}
