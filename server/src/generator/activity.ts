/** Background activity over the population: see background.ts for what keeps it free of red flags. */
import { codename, dayWithin, type Official, type Population, type Scene } from './background.ts';
import { ACTIVITY_START, isoDay } from './dates.ts';
import type { World } from './World.ts';

export function buildActivity(world: World, scene: Scene, population: Population): void {
  const subjects = buildCases(world, scene, population);
  routineLookups(world, population, subjects);
  const identities = buildInformants(world, scene, population);
  payments(world, population, identities);
  shipments(world, scene, population);
  threats(world, population);
}

/** Cases with subjects, assigned officers, records, lookups within the assignment, and arrests. */
function buildCases(world: World, scene: Scene, { officials, criminals, civilians }: Population): Set<string> {
  const { rng } = world;
  const subjects = new Set<string>();
  const records = new Map<string, string>();
  const cases = Math.max(2, Math.floor(criminals.length / 8));
  for (let i = 0; i < cases; i++) {
    const opened = rng.int(ACTIVITY_START - 365, ACTIVITY_START + 4 * 365);
    const agency = rng.pick(scene.agencies);
    const caseId = world.add('Case', `Case ${isoDay(opened).slice(0, 4)}-${i + 1}`, {
      kind: rng.pick(['police', 'judicial']),
      status: 'open',
      opened: isoDay(opened),
    });
    world.link('INVESTIGATES', agency, caseId, { since: isoDay(opened) });
    const caseSubjects: string[] = [];
    for (let s = rng.int(1, 3); s > 0; s--) {
      const subject = rng.pick(criminals);
      if (caseSubjects.includes(subject)) continue;
      world.link('SUBJECT_OF', subject, caseId, { status: rng.pick(['suspect', 'suspect', 'indicted', 'convicted']) });
      caseSubjects.push(subject);
    }
    if (civilians.length > 0 && rng.chance(0.3)) {
      const witness = rng.pick(civilians);
      if (!caseSubjects.includes(witness)) {
        world.link('SUBJECT_OF', witness, caseId, { status: 'witness' });
        caseSubjects.push(witness);
      }
    }
    for (const subject of caseSubjects) {
      subjects.add(subject);
      if (!records.has(subject)) {
        const record = world.record(rng.pick(['TAJ', 'FPR', 'customs']), 'person file');
        world.link('CONCERNS', record, subject);
        records.set(subject, record);
      }
    }
    for (let a = rng.int(1, 2); a > 0 && officials.length > 0; a--) {
      assignAndConsult(world, rng.pick(officials), { caseId, opened, subjects: caseSubjects, records });
    }
    for (const subject of caseSubjects) {
      if (!rng.chance(0.3)) continue;
      const at = rng.int(opened, opened + 600);
      const event = world.add('Event', `Arrest ${isoDay(at)}`, { kind: 'arrest', at: isoDay(at), outcome: 'arrested' });
      world.link('INVOLVED_IN', subject, event, { role: 'arrested' });
      world.link('INVOLVED_IN', agency, event, { role: 'arresting unit' });
      world.link('OCCURRED_AT', event, rng.pick(scene.locations));
    }
  }
  return subjects;
}

function assignAndConsult(
  world: World,
  official: Official,
  c: { caseId: string; opened: number; subjects: readonly string[]; records: ReadonlyMap<string, string> },
): void {
  const { rng } = world;
  const since = Math.max(c.opened, official.since);
  const planned = rng.chance(0.3) ? undefined : since + rng.int(200, 900);
  const until = official.until === undefined ? planned : Math.min(planned ?? official.until, official.until);
  if (until !== undefined && until < since) return;
  world.link('ASSIGNED_TO', official.id, c.caseId, {
    since: isoDay(since),
    until: until === undefined ? undefined : isoDay(until),
  });
  for (let n = rng.int(1, 2); n > 0; n--) {
    const at = dayWithin(world, since, until);
    const record = c.records.get(rng.pick(c.subjects));
    if (at === undefined || record === undefined) continue;
    world.link('CONSULTED', official.id, record, { at: isoDay(at), purpose: 'case work' });
  }
}

/** Records of people who are subject of no case, consulted during the officer's employment. */
function routineLookups(
  world: World,
  { officials, criminals, civilians }: Population,
  subjects: ReadonlySet<string>,
): void {
  const { rng } = world;
  const pool = [...criminals, ...civilians];
  for (let i = Math.max(1, Math.floor(pool.length / 30)); i > 0 && officials.length > 0; i--) {
    const person = rng.pick(pool);
    if (subjects.has(person)) continue;
    const official = rng.pick(officials);
    const at = dayWithin(world, official.since, official.until);
    if (at === undefined) continue;
    const record = world.record('SIV', 'vehicle file');
    world.link('CONCERNS', record, person);
    world.link('CONSULTED', official.id, record, { at: isoDay(at), purpose: 'road check' });
  }
}

/** Informants: handled by an official, identified as a criminal, paid in cash. Returns the identities. */
function buildInformants(world: World, scene: Scene, { officials, criminals }: Population): Set<string> {
  const { rng } = world;
  const identities = new Set<string>();
  for (let i = 1; i <= Math.max(1, Math.floor(criminals.length / 60)) && officials.length > 0; i++) {
    const handler = rng.pick(officials);
    const since = dayWithin(world, handler.since, handler.until);
    const identity = rng.pick(criminals);
    if (since === undefined || identities.has(identity)) continue;
    identities.add(identity);
    const code = codename(rng, i);
    const informant = world.add('Informant', code, {
      codename: code,
      reliability: rng.pick(['A', 'B', 'C', 'D']),
      active: true,
    });
    world.link('HANDLES', handler.id, informant, { since: isoDay(since) });
    world.link('IDENTIFIES_AS', informant, identity);
    world.link('REPORTED_ON', informant, rng.pick(scene.clans), {
      at: isoDay(since + rng.int(0, 90)),
      reliability: 'B',
    });
    const paidAt = dayWithin(world, since, handler.until);
    if (paidAt !== undefined) {
      world.link('PAID', handler.id, informant, {
        amount: rng.int(2, 15) * 100,
        currency: 'EUR',
        method: 'cash',
        at: isoDay(paidAt),
        purpose: 'informant fee',
      });
    }
  }
  return identities;
}

/** Payments among criminals; payment in drugs never goes to an informant's identity. */
function payments(world: World, { criminals }: Population, identities: ReadonlySet<string>): void {
  const { rng } = world;
  for (let i = Math.floor(criminals.length / 4); i > 0; i--) {
    const [payer, payee] = [rng.pick(criminals), rng.pick(criminals)];
    if (payer === payee) continue;
    const method = identities.has(payee) ? 'cash' : rng.pick(['cash', 'cash', 'transfer', 'crypto', 'drugs'] as const);
    const at = isoDay(rng.int(ACTIVITY_START, ACTIVITY_START + 5 * 365));
    if (method === 'drugs')
      world.link('PAID', payer, payee, { method, kg: rng.int(1, 20), at, purpose: 'resale stock' });
    else
      world.link('PAID', payer, payee, { method, amount: rng.int(1, 200) * 50, currency: 'EUR', at, purpose: 'debt' });
  }
}

/** Shipments organized by clans; monitored ones stay within +8 % of what was declared. */
function shipments(world: World, scene: Scene, { criminals }: Population): void {
  const { rng } = world;
  for (let i = Math.max(2, Math.floor(criminals.length / 30)); i > 0; i--) {
    const departed = rng.int(ACTIVITY_START, ACTIVITY_START + 5 * 365);
    const actualKg = rng.int(20, 900);
    const seized = rng.chance(0.2);
    const shipment = world.add('Shipment', `Consignment ${isoDay(departed)}-${i}`, {
      commodity: rng.pick(['cocaine', 'cannabis resin', 'heroin']),
      actualKg,
      seizedKg: seized ? Math.max(1, Math.floor(actualKg * (0.4 + rng.next() * 0.6))) : undefined,
      concealment: rng.pick(['fruit containers', 'truck floor', 'sailing yacht', 'car parts']),
      departedAt: isoDay(departed),
      arrivedAt: isoDay(departed + rng.int(5, 40)),
    });
    world.link('ORGANIZED', rng.pick(scene.clans), shipment, { role: 'importer' });
    world.link('ORGANIZED', rng.pick(criminals), shipment, { role: rng.pick(['broker', 'transporter']) });
    world.link('SHIPPED_FROM', shipment, rng.pick(scene.locations));
    world.link('SHIPPED_TO', shipment, rng.pick(scene.locations));
    if (rng.chance(0.3)) {
      const declaredKg = Math.ceil(actualKg / (0.85 + rng.next() * 0.23));
      world.link('MONITORED', rng.pick(scene.agencies), shipment, {
        declaredKg,
        since: isoDay(departed - 30),
        until: isoDay(departed + 45),
      });
    }
    if (seized) {
      const event = world.add('Event', `Seizure ${isoDay(departed + 41)}`, {
        kind: 'seizure',
        at: isoDay(departed + 41),
        outcome: 'seized',
      });
      world.link('INVOLVED_IN', shipment, event, { role: 'seized' });
      world.link('OCCURRED_AT', event, rng.pick(scene.locations));
    }
  }
}

/** Threats among criminals and against their civilian relatives (never against officials). */
function threats(world: World, { criminals, civilians }: Population): void {
  const { rng } = world;
  for (let i = Math.floor(criminals.length / 20); i > 0; i--) {
    const source = rng.pick(criminals);
    const target = rng.chance(0.5) && civilians.length > 0 ? rng.pick(civilians) : rng.pick(criminals);
    if (source === target) continue;
    world.link('THREATENED', source, target, {
      at: isoDay(rng.int(ACTIVITY_START, ACTIVITY_START + 5 * 365)),
      means: rng.pick(['phone call', 'visit', 'message']),
    });
  }
}
