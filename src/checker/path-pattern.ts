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

const PREFIX = 0;
const EXACT = 1;
const GLOB = 2;

/**
 * One class for every pattern (so call sites stay monomorphic), compiled on first use: most rules of a
 * robots.txt belong to groups the caller never selects.
 */
class Pattern implements PathPattern {
  readonly text: string;
  readonly length: number;
  private kind = -1;
  private first = '';
  private middle: string[] = [];
  private tail = '';
  private anchored = false;

  constructor(
    text: string,
    private pieces: readonly string[] | null,
    anchored: boolean,
  ) {
    this.text = text;
    this.length = text.length;
    this.anchored = anchored;
  }

  matches(path: string): boolean {
    if (this.kind < 0) this.compile();
    if (this.kind === PREFIX) return path.startsWith(this.first);
    if (this.kind === EXACT) return path === this.first;
    if (!path.startsWith(this.first)) return false;
    let pos = this.first.length;
    for (const piece of this.middle) {
      const at = path.indexOf(piece, pos);
      if (at < 0) return false;
      pos = at + piece.length;
    }
    const tail = this.tail;
    if (this.anchored) return path.length - tail.length >= pos && path.endsWith(tail);
    return tail === '' || path.indexOf(tail, pos) >= 0;
  }

  /** In JSON output (CLI `--json`, evidence) a pattern is its text. */
  toJSON(): string {
    return this.text;
  }

  private compile(): void {
    let pieces = this.pieces;
    if (pieces === null) {
      // A robots.txt-style text: every `*` is a wildcard, a `$` only at the very end is the anchor.
      this.anchored = this.text.endsWith('$');
      const body = this.anchored ? this.text.slice(0, -1) : this.text;
      pieces = body.includes('*') ? body.split('*') : [body];
    }
    this.first = pieces[0] ?? '';
    if (pieces.length <= 1) this.kind = this.anchored ? EXACT : PREFIX;
    else {
      this.kind = GLOB;
      this.middle = pieces.slice(1, -1).filter((x) => x !== '');
      this.tail = pieces[pieces.length - 1] ?? '';
    }
    this.pieces = null;
  }
}

/** Compiles literal pieces (between `*`s) and an end anchor. */
export function patternFromPieces(text: string, pieces: readonly string[], anchored: boolean): PathPattern {
  return new Pattern(text, pieces, anchored);
}

/** A robots.txt-style pattern: every `*` is a wildcard, a `$` only at the very end is the anchor. */
export function compilePattern(text: string): PathPattern {
  return new Pattern(text, null, false);
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
