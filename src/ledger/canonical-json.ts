import canonicalize from 'canonicalize';
import { LedgerError } from './errors.js';

/** Plain JSON data: what a log entry may hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// Deep enough for any log entry, shallow enough that a hostile value cannot blow the stack.
const MAX_DEPTH = 100;
// In /u mode a valid surrogate pair is one code point, so only lone surrogates are category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * RFC 8785 (JCS) canonical JSON text of `value`: object keys sorted by UTF-16 code units, no
 * whitespace, numbers written as ECMAScript does, strings with minimal escaping. Serialisation is
 * the `canonicalize` package (by an RFC 8785 author, tested here on the RFC's examples); this wrapper
 * first refuses what JSON cannot hold instead of letting it slip through: undefined, functions,
 * symbols, bigints, NaN / Infinity, lone surrogates, sparse arrays, class instances (Date, Map, ...)
 * and cycles, with LEDGER_NOT_JSON.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null, 1e21] }); // '{"a":[true,null,1e+21],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
  // When every object already lists its keys in JCS order, JCS text is exactly JSON.stringify's (RFC 8785
  // defines strings and numbers as ECMAScript serialises them), and the native serialiser is several times
  // faster than sorting in JavaScript. The log's entry builders emit sorted keys, so the common case is fast;
  // anything else goes through the library. A property test holds both paths equal.
  return assertJson(value, '$', 0, new Set()) ? JSON.stringify(value) : canonicalize(value)!;
}

/**
 * UTF-8 bytes of `canonicalJson(value)`: the bytes a log leaf hashes.
 *
 * @example
 * const leaf = leafHash(canonicalJsonBytes(entry));
 */
export function canonicalJsonBytes(value: JsonValue): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

function notJson(where: string, why: string): LedgerError {
  return new LedgerError('LEDGER_NOT_JSON', `${where}: ${why}`, { details: { path: where } });
}

/** Throws unless `value` is plain JSON; returns whether every object in it lists its keys in JCS order. */
function assertJson(value: unknown, where: string, depth: number, open: Set<object>): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notJson(where, `${value} has no JSON form`);
    return true;
  }
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) throw notJson(where, 'a string holds a lone surrogate');
    return true;
  }
  if (typeof value !== 'object') throw notJson(where, `${typeof value} has no JSON form`);
  if (depth >= MAX_DEPTH) throw notJson(where, `nested deeper than ${MAX_DEPTH}`);
  if (open.has(value)) throw notJson(where, 'the value contains itself');
  open.add(value);
  let sorted = true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw notJson(`${where}[${i}]`, 'sparse array');
      if (!assertJson(value[i], `${where}[${i}]`, depth + 1, open)) sorted = false;
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw notJson(where, 'only plain objects and arrays are JSON');
    let previous: string | null = null;
    for (const k of Object.keys(value)) {
      if (LONE_SURROGATE.test(k)) throw notJson(where, 'a key holds a lone surrogate');
      // String comparison in JavaScript is by UTF-16 code units, the order RFC 8785 sorts keys in.
      if (previous !== null && !(previous < k)) sorted = false;
      previous = k;
      if (!assertJson((value as Record<string, unknown>)[k], `${where}.${k}`, depth + 1, open)) sorted = false;
    }
  }
  open.delete(value);
  return sorted;
}
