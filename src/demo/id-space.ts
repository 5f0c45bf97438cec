/**
 * Identifiers for the demo data, unique by construction: each is a keyed bijection of an entity index, so two
 * indexes never give the same value and nothing has to be remembered. The keys come from the seed, so another
 * seed gives other identifiers. Check characters are computed with the registry's own functions, so every
 * value parses.
 */
import { mod11_2, mod37_36 } from '../registry/identifiers.js';
import { fmix } from './rng.js';

/** Largest entity count any of these mappings supports (10M recordings, their works and 1/20 as many performers). */
export const MAX_INDEX = 10_000_000;

/**
 * Keyed permutation of [0, m) for m ≤ 2^30: a xorshift-multiply bijection of [0, 2^k) (each step is invertible
 * modulo 2^k), cycle-walked until it lands below m. Consecutive indexes give unrelated-looking values, unlike
 * an affine map.
 */
export function permute(i: number, m: number, key: number): number {
  const bits = 32 - Math.clz32(m - 1);
  const mask = (1 << bits) - 1;
  const half = Math.max(1, bits >> 1);
  let x = i;
  do {
    x = (x + key) & mask;
    x ^= x >>> half;
    x = Math.imul(x, 0x2c1b3c6d) & mask;
    x ^= x >>> (half + 1);
    x = Math.imul(x, 0x297a2d39) & mask;
    x ^= x >>> half;
  } while (x >= m);
  return x;
}

/** Keyed bijection of the 32-bit integers. */
function permute32(i: number, key: number): number {
  return fmix((i ^ key) >>> 0);
}

function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

/** Keyed offsets derived once from the seed. */
export interface IdKeys {
  isni: number;
  ipn: number;
  ipi: number;
  iswc: number;
  isan: number;
  eidr: number;
}

export function idKeys(seed: number): IdKeys {
  const k = (salt: number) => Math.imul(seed ^ salt, 0x27d4eb2d) >>> 0;
  return { isni: k(0x15a1), ipn: k(0x1b2), ipi: k(0x1b1), iswc: k(0x15c), isan: k(0x15a), eidr: k(0xe1d) };
}

/** ISNI `0000000XXXXXXXXC`: seven zeros as in most assigned ISNIs, eight digits from the performer index. */
export function isniOf(keys: IdKeys, performer: number): string {
  const body = `0000000${String(permute(performer, 100_000_000, keys.isni)).padStart(8, '0')}`;
  return body + mod11_2(body);
}

/** IPN: eight digits, as SCAPR's numbers are today. */
export function ipnOf(keys: IdKeys, performer: number): string {
  return String(10_000_000 + permute(performer, 90_000_000, keys.ipn));
}

/** IPI name number: nine digits and the MOD 101 check; null when the check would be `100` (no such IPI). */
export function ipiOf(keys: IdKeys, performer: number): string | null {
  const base = String(permute(performer, 1_000_000_000, keys.ipi)).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (base.charCodeAt(i) - 48) * (10 - i);
  const check = (101 - (sum % 101)) % 101;
  return check === 100 ? null : base + String(check).padStart(2, '0');
}

/** ISWC `T` + nine digits + check digit, one per work. */
export function iswcOf(keys: IdKeys, work: number): string {
  const body = String(permute(work, 1_000_000_000, keys.iswc)).padStart(9, '0');
  let sum = 1;
  for (let i = 0; i < 9; i++) sum += (i + 1) * (body.charCodeAt(i) - 48);
  return `T${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * ISAN: root `0000` + eight hex digits from the recording index, a four-digit episode, the first check
 * character, and optionally an eight-digit version with the second check character.
 */
export function isanOf(keys: IdKeys, recording: number, episode: number, version: number | null): string {
  const rootEpisode = `0000${hex8(permute32(recording, keys.isan))}${episode.toString(16).toUpperCase().padStart(4, '0')}`;
  const first = rootEpisode + mod37_36(rootEpisode);
  if (version === null) return first;
  const v = hex8(version >>> 0);
  return `${first}${v}${mod37_36(rootEpisode + v)}`;
}

/** EIDR DOI: twelve hex digits of noise (`prefix`), then eight from the recording index, then the check. */
export function eidrOf(keys: IdKeys, recording: number, prefix: number, prefix2: number): string {
  const hex = `${hex8(prefix).slice(0, 4)}${hex8(prefix2)}${hex8(permute32(recording, keys.eidr))}`;
  const groups = hex.match(/.{4}/g) as string[];
  return `10.5240/${groups.join('-')}-${mod37_36(hex)}`;
}
