/** Planted paid, unassigned and pre-escape lookups, and their near misses. */
import type { Scene } from './background.ts';
import { civilian, clanMember, factDay, formerOfficial, newCase, official, recordOn } from './cast.ts';
import { isoDay } from './dates.ts';
import type { World } from './World.ts';

/** An official assigned (from `day - 300`) to a case whose suspect is a fresh clan member, and a record on the suspect. */
function assignedSetting(world: World, scene: Scene, at: number) {
  const o = official(world, scene);
  const suspect = clanMember(world, scene);
  const caseId = newCase(world, scene, at - 400);
  world.link('SUBJECT_OF', suspect.id, caseId, { status: 'suspect' });
  world.link('ASSIGNED_TO', o, caseId, { since: isoDay(at - 300) });
  return { o, suspect, caseId, record: recordOn(world, suspect.id) };
}

const consult = (world: World, o: string, record: string, at: number) =>
  world.link('CONSULTED', o, record, { at: isoDay(at), purpose: 'case work' });

export function plantPaidLookups(world: World, scene: Scene): void {
  const RULE = 'paid-lookup';
  const fee = (at: number) => ({
    amount: world.rng.pick([50, 80, 100]),
    currency: 'EUR',
    method: 'cash' as const,
    at: isoDay(at),
  });

  let at = factDay(world);
  let s = assignedSetting(world, scene, at);
  consult(world, s.o, s.record, at);
  world.link('PAID', s.suspect.id, s.o, fee(at + 2));
  world.plant(RULE, 'paid by the subject', [s.o, s.record]);

  at = factDay(world);
  s = assignedSetting(world, scene, at);
  consult(world, s.o, s.record, at);
  world.link('PAID', s.suspect.clan, s.o, fee(at + 1));
  world.plant(RULE, "paid by the subject's clan", [s.o, s.record]);

  at = factDay(world);
  s = assignedSetting(world, scene, at);
  consult(world, s.o, s.record, at);
  world.link('PAID', civilian(world), s.o, {
    amount: 650,
    currency: 'EUR',
    method: 'transfer',
    at: isoDay(at),
    purpose: 'rent',
  });
  world.decoy(RULE, 'paid by someone unrelated', [s.o, s.record]);

  at = factDay(world);
  const former = formerOfficial(world, scene);
  const k = clanMember(world, scene).id;
  const record = recordOn(world, k);
  consult(world, former, record, at);
  world.link('PAID', k, former, fee(at + 1));
  world.decoy(RULE, 'former official', [former, record]);
}

export function plantUnassignedLookups(world: World, scene: Scene): void {
  const RULE = 'unassigned-lookup';
  let at = factDay(world);
  const s = assignedSetting(world, scene, at);
  consult(world, s.o, s.record, at);
  world.decoy(RULE, 'assigned at the time', [s.o, s.record]);
  const outsider = official(world, scene);
  consult(world, outsider, s.record, at + 3);
  world.plant(RULE, 'not on the case', [outsider, s.record]);

  at = factDay(world);
  const o = official(world, scene);
  const k = clanMember(world, scene).id;
  const caseId = newCase(world, scene, at - 800);
  world.link('SUBJECT_OF', k, caseId, { status: 'indicted' });
  world.link('ASSIGNED_TO', o, caseId, { since: isoDay(at - 700), until: isoDay(at - 100) });
  const record = recordOn(world, k);
  consult(world, o, record, at);
  world.plant(RULE, 'after the assignment ended', [o, record]);

  const plain = official(world, scene);
  const nobody = recordOn(world, civilian(world));
  consult(world, plain, nobody, factDay(world));
  world.decoy(RULE, 'subject of no case', [plain, nobody]);

  const former = formerOfficial(world, scene);
  const suspect = clanMember(world, scene).id;
  world.link('SUBJECT_OF', suspect, newCase(world, scene, at - 200), { status: 'suspect' });
  const theirRecord = recordOn(world, suspect);
  consult(world, former, theirRecord, at);
  world.decoy(RULE, 'former official', [former, theirRecord]);
}

export function plantLookupsBeforeEscape(world: World, scene: Scene): void {
  const RULE = 'lookup-before-escape';
  const raid = (subject: string, at: number, outcome: string) => {
    const event = world.add(
      'Event',
      `Raid on ${world.rng.pick(['a stash flat', 'a garage', 'a tower block', 'a warehouse'])}`,
      {
        kind: 'raid',
        at: isoDay(at),
        outcome,
      },
    );
    world.link('INVOLVED_IN', subject, event, { role: 'target' });
    world.link('INVOLVED_IN', world.rng.pick(scene.agencies), event, { role: 'raiding unit' });
    world.link('OCCURRED_AT', event, world.rng.pick(scene.locations));
    return event;
  };
  const cases: ReadonlyArray<readonly [variant: string, gap: number, outcome: string, planted: boolean]> = [
    ['escape days after the lookup', world.rng.int(0, 7), 'evaded', true],
    ['escape 20 days after the lookup', 20, 'evaded', false],
    ['arrest instead of an escape', 2, 'arrested', false],
    ['lookup after the escape', -1, 'evaded', false],
  ];
  for (const [variant, gap, outcome, planted] of cases) {
    const at = factDay(world);
    const s = assignedSetting(world, scene, at);
    consult(world, s.o, s.record, at);
    const event = raid(s.suspect.id, at + gap, outcome);
    if (planted) world.plant(RULE, variant, [s.o, event]);
    else world.decoy(RULE, variant, [s.o, event]);
  }
  const at = factDay(world);
  const former = formerOfficial(world, scene);
  const k = clanMember(world, scene).id;
  consult(world, former, recordOn(world, k), at);
  world.decoy(RULE, 'former official', [former, raid(k, at + 3, 'evaded')]);
}
