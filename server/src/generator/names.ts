/**
 * Fictional names built from syllables, so no generated person is a real one. The syllables
 * are chosen to read as plausible but invented (no real family or place names on purpose).
 */
import type { Random } from './random.ts';

const GIVEN_START = [
  'Al',
  'Bre',
  'Cas',
  'Dor',
  'El',
  'Fab',
  'Gil',
  'Hel',
  'Is',
  'Jor',
  'Kel',
  'Lu',
  'Mar',
  'Nol',
  'Or',
  'Pel',
  'Quen',
  'Ros',
  'Sev',
  'Tol',
  'Ul',
  'Val',
  'Wen',
  'Yl',
  'Zel',
];
const GIVEN_END = ['an', 'ine', 'o', 'ette', 'ric', 'ia', 'as', 'elle', 'im', 'aud', 'ène', 'ys'];
const FAMILY_START = [
  'Bar',
  'Cor',
  'Dal',
  'Esc',
  'Fron',
  'Gar',
  'Hau',
  'Jav',
  'Lor',
  'Mau',
  'Nev',
  'Orb',
  'Pas',
  'Quar',
  'Ros',
  'Sal',
  'Tar',
  'Vel',
  'Zor',
];
const FAMILY_MIDDLE = ['', 'a', 'e', 'i', 'o', 'an', 'el'];
const FAMILY_END = ['ac', 'eaux', 'ini', 'ov', 'ard', 'elle', 'ez', 'ot', 'ier', 'ande', 'ussi', 'ebrun'];
const CODENAMES = [
  'Heron',
  'Lynx',
  'Otter',
  'Marten',
  'Kestrel',
  'Badger',
  'Plover',
  'Stoat',
  'Ibis',
  'Wren',
  'Vole',
  'Egret',
];
const PLACES = [
  'Port-Sablon',
  'Vaudrec',
  'Morlane',
  'Estrevent',
  'Cap Olbre',
  'Saint-Varenne',
  'Guldour',
  'Pellac',
  'Ombrière',
  'Tessevaux',
];

function givenName(rng: Random): string {
  return rng.pick(GIVEN_START) + rng.pick(GIVEN_END);
}

export function familyName(rng: Random): string {
  return rng.pick(FAMILY_START) + rng.pick(FAMILY_MIDDLE) + rng.pick(FAMILY_END);
}

export function personName(rng: Random): string {
  return `${givenName(rng)} ${familyName(rng)}`;
}

export function codename(rng: Random, serial: number): string {
  return `${rng.pick(CODENAMES).toUpperCase()}-${serial}`;
}

export function placeName(rng: Random, serial: number): string {
  return serial < PLACES.length ? (PLACES[serial] as string) : `${rng.pick(PLACES)} ${familyName(rng)}`;
}
