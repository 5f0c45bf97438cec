/**
 * Performer names: a civil name from a weighted mix of origins (mostly French), its sort form, and the
 * accent-free spelling some databases hold. Sort forms are given explicitly because the registry's default
 * (`last word, the rest`) is wrong for particles, double family names and family-name-first names.
 */
import { FRENCH } from './names-fr.js';
import {
  CENTRAL_EUROPEAN,
  DUTCH_FLEMISH,
  ENGLISH,
  GERMAN,
  GREEK,
  ITALIAN,
  JAPANESE,
  MAGHREB,
  NORDIC,
  PORTUGUESE,
  SPANISH,
  VIETNAMESE,
  WEST_AFRICAN,
} from './names-intl.js';
import { weights, type Rng } from './rng.js';

export interface NameOrigin {
  id: string;
  given: readonly string[];
  family: readonly string[];
  compoundGiven?: readonly string[];
  compoundGivenShare?: number;
  hyphenatedFamilyShare?: number;
  /** Family names with a particle, written `particle|name` (`de|Villiers`, `van den|Berg`). */
  particles?: readonly string[];
  particleShare?: number;
  /** Two family names (Spanish usage): `Lucía Fernández Núñez`, sorted `Fernández Núñez, Lucía`. */
  doubleFamily?: boolean;
  /** Family name written first (Vietnamese usage). */
  familyFirst?: boolean;
}

export interface PersonName {
  given: string;
  family: string;
  display: string;
  sort: string;
}

const ORIGINS = weights<NameOrigin>([
  [FRENCH, 58],
  [ENGLISH, 9],
  [MAGHREB, 7],
  [WEST_AFRICAN, 5],
  [ITALIAN, 4],
  [SPANISH, 4],
  [PORTUGUESE, 3],
  [GERMAN, 3],
  [DUTCH_FLEMISH, 2],
  [CENTRAL_EUROPEAN, 2],
  [NORDIC, 1],
  [GREEK, 1],
  [JAPANESE, 0.5],
  [VIETNAMESE, 0.5],
]);

function other(rng: Rng, list: readonly string[], not: string): string {
  const f = rng.pick(list);
  return f === not ? (list[(list.indexOf(f) + 1) % list.length] as string) : f;
}

export function personName(rng: Rng): PersonName {
  const o = rng.pickWeighted(ORIGINS);
  const given =
    o.compoundGiven !== undefined && rng.chance(o.compoundGivenShare ?? 0)
      ? rng.pick(o.compoundGiven)
      : rng.pick(o.given);
  if (o.particles !== undefined && rng.chance(o.particleShare ?? 0)) {
    const [particle = '', core = ''] = rng.pick(o.particles).split('|');
    const family = particle.endsWith("'") ? particle + core : `${particle} ${core}`;
    return { given, family, display: `${given} ${family}`, sort: `${core}, ${given} ${particle}` };
  }
  let family = rng.pick(o.family);
  if (o.doubleFamily === true) family = `${family} ${other(rng, o.family, family)}`;
  else if (rng.chance(o.hyphenatedFamilyShare ?? 0)) family = `${family}-${other(rng, o.family, family)}`;
  const display = o.familyFirst === true ? `${family} ${given}` : `${given} ${family}`;
  return { given, family, display, sort: `${family}, ${given}` };
}

/** The name without diacritics (`Hélène Lefèvre` -> `Helene Lefevre`), as older or foreign systems spell it. */
export function withoutAccents(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '');
}
