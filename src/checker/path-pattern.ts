/**
 * Path patterns with `*` (any run of characters, `/` included) and a final `$` (end of path), as
 * robots.txt (RFC 9309 §2.2.3) and TDMRep's `location` use them. Matching is a prefix match unless the
 * pattern ends in `$`. A pattern is compiled once into its literal pieces; matching walks them with
 * `indexOf`, which is exact for `*`-only globs (the leftmost place for each middle piece is never worse).
 */

export interface PathPattern {
  /** The normalised pattern text (what its length is counted on). */
  readonly text: string;
  /** Octets of the normalised pattern: the priority of a robots.txt rule (longest match). */
  readonly length: number;
  matches(path: string): boolean;
}

/** Compiles literal pieces (between `*`s) and an end anchor. */
export function patternFromPieces(text: string, pieces: readonly string[], anchored: boolean): PathPattern {
  const first = pieces[0] ?? '';
  if (pieces.length <= 1) {
    return anchored
      ? { text, length: text.length, matches: (p) => p === first }
      : { text, length: text.length, matches: (p) => p.startsWith(first) };
  }
  const middle = pieces.slice(1, -1).filter((s) => s !== '');
  const tail = pieces[pieces.length - 1] ?? '';
  return {
    text,
    length: text.length,
    matches(path) {
      if (!path.startsWith(first)) return false;
      let pos = first.length;
      for (const piece of middle) {
        const at = path.indexOf(piece, pos);
        if (at < 0) return false;
        pos = at + piece.length;
      }
      if (anchored) return path.length - tail.length >= pos && path.endsWith(tail);
      return tail === '' || path.indexOf(tail, pos) >= 0;
    },
  };
}

/** A robots.txt-style pattern: every `*` is a wildcard, a `$` only at the very end is the anchor. */
export function compilePattern(text: string): PathPattern {
  const anchored = text.endsWith('$');
  const body = anchored ? text.slice(0, -1) : text;
  return patternFromPieces(text, body.includes('*') ? body.split('*') : [body], anchored);
}

const HEX = '0123456789ABCDEF';

/**
 * Percent-encodes every non-ASCII octet (as UTF-8) and upper-cases the hex digits of existing escapes,
 * so that a pattern written with raw UTF-8 and one written encoded compare equal (RFC 9309 §2.2.2).
 * Escapes of unreserved characters are kept as they are: see docs/robots.md ("Percent-encoding").
 */
export function normaliseEncoding(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c === 0x25 && /[a-f]/.test(s.slice(i + 1, i + 3)))) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  const bytes = Buffer.from(s, 'utf8');
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
    else if (b === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1] as number) && isHex(bytes[i + 2] as number)) {
      out += `%${String.fromCharCode(bytes[i + 1] as number, bytes[i + 2] as number).toUpperCase()}`;
      i += 2;
    } else out += String.fromCharCode(b);
  }
  return out;
}

/**
 * The URL side of robots.txt matching: hex digits of escapes upper-cased, nothing else touched. Raw
 * non-ASCII in a URL is left as is (callers pass URLs as sent on the wire, already encoded), as the
 * reference parser does; see docs/robots.md.
 */
export function normalisePath(path: string): string {
  if (!path.includes('%') || !/%[0-9A-Fa-f]?[a-f]/.test(path)) return path;
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => `%${h.toUpperCase()}`);
}

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}
