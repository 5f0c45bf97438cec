/**
 * A labelled set of artist + title variants (pure, deterministic in the seed): registry recordings,
 * then manifest rows that spell some of them differently (accents dropped, case, a "feat." clause,
 * punctuation, a remaster suffix, a typo in the title or the artist) with the ISRC they stand for, and
 * rows that stand for no registry recording (another song by the same artist, a made-up one). The
 * metadata matcher's precision and recall are measured on it (test and bench/manifest-metadata.js).
 *
 * @example
 * const { registry, variants } = metadataVariants('variants-v1', 2000);
 */
import { bandName, stageName } from './artist-names.js';
import { personName, withoutAccents } from './names.js';
import { hashSeed, Rng } from './rng.js';
import { language, songTitle } from './titles.js';

export interface VariantRecording {
  isrc: string;
  artist: string;
  title: string;
}

export const VARIANT_KINDS = [
  'exact',
  'accents',
  'case',
  'feat',
  'punctuation',
  'remaster',
  'typo-title',
  'typo-artist',
  'other-song',
  'unknown',
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface Variant {
  artist: string;
  title: string;
  kind: VariantKind;
  /** The registry recording the row stands for; null for rows that stand for none. */
  expect: string | null;
}

const key = (a: string, t: string): string =>
  `${withoutAccents(a).toLowerCase()}\t${withoutAccents(t).toLowerCase()}`;

function typo(rng: Rng, s: string): string {
  const letters = [...s].map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
  if (letters.length === 0) return `${s}x`;
  const at = rng.pick(letters);
  const chars = [...s];
  const op = rng.int(3);
  if (op === 0) chars.splice(at, 1);
  else if (op === 1) chars[at] = String.fromCharCode(97 + rng.int(26));
  else [chars[at - 1], chars[at]] = [chars[at] as string, chars[at - 1] as string];
  return chars.join('');
}

/** `n` registry recordings and about as many variant rows, three quarters standing for a recording. */
export function metadataVariants(
  seed: string,
  n: number,
): { registry: VariantRecording[]; variants: Variant[] } {
  const rng = new Rng(hashSeed(seed)).reseed(1, 0);
  const registry: VariantRecording[] = [];
  const seen = new Map<string, string>();
  for (let i = 0; registry.length < n; i++) {
    const artist = rng.chance(0.3)
      ? bandName(rng)
      : rng.chance(0.5)
        ? personName(rng).display
        : stageName(rng, personName(rng).given);
    const title = songTitle(rng, language(rng));
    if (seen.has(key(artist, title))) continue;
    const isrc = `FRX${String(10 + (i % 90))}26${String(i).padStart(5, '0')}`;
    seen.set(key(artist, title), isrc);
    registry.push({ isrc, artist, title });
  }
  const variants: Variant[] = [];
  for (const r of registry) {
    const kind = VARIANT_KINDS[rng.int(VARIANT_KINDS.length)] as VariantKind;
    const v = (artist: string, title: string, expect: string | null = r.isrc): Variant => ({
      artist,
      title,
      kind,
      expect,
    });
    switch (kind) {
      case 'exact':
        variants.push(v(r.artist, r.title));
        break;
      case 'accents':
        variants.push(v(withoutAccents(r.artist), withoutAccents(r.title)));
        break;
      case 'case':
        variants.push(
          v(r.artist.toUpperCase(), rng.chance(0.5) ? r.title.toLowerCase() : r.title.toUpperCase()),
        );
        break;
      case 'feat':
        variants.push(
          rng.chance(0.5)
            ? v(`${r.artist} feat. ${personName(rng).display}`, r.title)
            : v(r.artist, `${r.title} (ft. ${personName(rng).display})`),
        );
        break;
      case 'punctuation':
        variants.push(
          v(
            r.artist.replace(/ /g, rng.chance(0.5) ? '-' : ' '),
            `${r.title.replace(/'/g, '’').replace(/ /g, rng.chance(0.3) ? ', ' : ' ')}${rng.chance(0.5) ? '!' : '.'}`,
          ),
        );
        break;
      case 'remaster':
        variants.push(
          v(
            r.artist,
            rng.chance(0.5)
              ? `${r.title} - Remastered ${2000 + rng.int(25)}`
              : `${r.title} (${2000 + rng.int(25)} Remaster)`,
          ),
        );
        break;
      case 'typo-title':
        variants.push(v(r.artist, typo(rng, r.title)));
        break;
      case 'typo-artist':
        variants.push(v(typo(rng, r.artist), r.title));
        break;
      case 'other-song': {
        const title = songTitle(rng, language(rng));
        variants.push(v(r.artist, title, seen.get(key(r.artist, title)) ?? null));
        break;
      }
      case 'unknown': {
        const artist = stageName(rng, personName(rng).given);
        const title = songTitle(rng, language(rng));
        variants.push(v(artist, title, seen.get(key(artist, title)) ?? null));
        break;
      }
    }
  }
  return { registry, variants };
}
