/**
 * TDMRep location patterns ("Use of regular expressions" in the TDMRep spec): robots.txt-style `*` and
 * final `$`, where `%24` and `%2A` stand for a literal `$` and `*`. Both the location and the request path
 * are brought to one form before comparison: escapes of unreserved US-ASCII characters decoded, other
 * escapes upper-cased, raw non-ASCII percent-encoded as UTF-8.
 */
import { patternFromPieces, type PathPattern } from './path-pattern.js';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** One character of the common form: a literal, or (in a location only) `*` / end-`$` as operators. */
type Piece = { literal: string } | { wildcard: true } | { anchor: true };

function pieces(text: string, isLocation: boolean): Piece[] {
  const out: Piece[] = [];
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x25 && i + 2 < bytes.length && isHexPair(bytes[i + 1] as number, bytes[i + 2] as number)) {
      const hex = String.fromCharCode(bytes[i + 1] as number, bytes[i + 2] as number).toUpperCase();
      const ch = String.fromCharCode(parseInt(hex, 16));
      i += 2;
      // `%24` / `%2A` are the way to write a literal `$` / `*`, in a location and (harmlessly) in a path.
      out.push({ literal: UNRESERVED.test(ch) || hex === '24' || hex === '2A' ? ch : `%${hex}` });
    } else if (b >= 0x80) out.push({ literal: `%${b.toString(16).toUpperCase()}` });
    else if (isLocation && b === 0x2a) out.push({ wildcard: true });
    else if (isLocation && b === 0x24 && i === bytes.length - 1) out.push({ anchor: true });
    else out.push({ literal: String.fromCharCode(b) });
  }
  return out;
}

/** Compiles a `location` value. */
export function compileLocation(location: string): PathPattern {
  const ps = pieces(location, true);
  const literals: string[] = [''];
  let anchored = false;
  for (const p of ps) {
    if ('wildcard' in p) literals.push('');
    else if ('anchor' in p) anchored = true;
    else literals[literals.length - 1] += p.literal;
  }
  return patternFromPieces(location, literals, anchored);
}

/** The request path (path and query) in the form locations are compared against. */
export function normaliseTdmrepPath(path: string): string {
  // Plain ASCII without escapes is already in the common form (the usual case).
  if (!/[%\u0080-\uffff]/.test(path)) return path;
  let out = '';
  for (const p of pieces(path, false)) if ('literal' in p) out += p.literal;
  return out;
}

function isHexPair(a: number, b: number): boolean {
  return isHex(a) && isHex(b);
}
function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}
