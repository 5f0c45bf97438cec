/**
 * Normalised artist and title keys (pure): what the snapshot stores for recordings and what a manifest
 * row without an ISRC is looked up by. Both sides go through the same functions, so an exact key match
 * means "the same words once accents, case, punctuation, featured-artist clauses and remaster suffixes
 * are set aside".
 *
 * @example
 * normaliseTitle('Café del Mar (feat. Ana) - Remastered 2011'); // 'cafe del mar'
 * metadataKey('Beyoncé ft. Jay-Z', 'Crazy in Love'); // 'beyonce\tcrazy in love'
 */

// Letters NFKD does not split into a base letter and a mark.
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const FOLD_RE = /[ßæœøđðłþı]/g;
const MARKS = /\p{M}+/gu;
const PLAIN = /^[a-z0-9 ]*$/;
// "feat." clauses: inside brackets anywhere, or from the word to the end.
const FEAT_BRACKET = /[([]\s*(?:feat\.?|ft\.?|featuring|with)\s[^)\]]*[)\]]/g;
const FEAT_TAIL = /\s(?:feat\.?|ft\.?|featuring)\s.*$/;
// "(Remastered 2011)", "[2009 Remaster]", "- Remastered", "- 2011 Remaster", "(Remastered Version)".
const REMASTER_BRACKET = /[([][^)\]]*\bremaster(?:ed)?\b[^)\]]*[)\]]/g;
const REMASTER_TAIL = /\s[-–—]\s[^-–—]*\bremaster(?:ed)?\b.*$/;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const LEADING_THE = /^the\s/;

function fold(s: string): string {
  const lower = s.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

// eslint-disable-next-line no-control-regex -- every ASCII character, controls included
const ASCII = /^[\x00-\x7f]*$/;
const NOT_WORD_ASCII = /[^a-z0-9]+/g;

/** Runs of anything but letters and digits made one space. The Unicode classes are slow: ASCII goes without. */
function words(s: string): string {
  return s.replace(ASCII.test(s) ? NOT_WORD_ASCII : NOT_WORD, ' ').trim();
}

/** Artist: folded, without "feat." clauses, punctuation and a leading "the". */
export function normaliseArtist(artist: string): string {
  const s = fold(artist).replace(FEAT_BRACKET, ' ').replace(FEAT_TAIL, '');
  return words(s).replace(LEADING_THE, '');
}

/** Title: folded, without "feat." clauses, remaster suffixes and punctuation. */
export function normaliseTitle(title: string): string {
  const s = fold(title)
    .replace(FEAT_BRACKET, ' ')
    .replace(REMASTER_BRACKET, ' ')
    .replace(REMASTER_TAIL, '')
    .replace(FEAT_TAIL, '');
  return words(s);
}

/** The lookup key `artist \t title`, or null when either part normalises to nothing. */
export function metadataKey(artist: string, title: string): string | null {
  const a = normaliseArtist(artist);
  const t = normaliseTitle(title);
  return a === '' || t === '' ? null : `${a}\t${t}`;
}
