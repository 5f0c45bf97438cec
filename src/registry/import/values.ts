/**
 * Parsers for the scalar values found in import cells and DDEX elements. Each returns the value, or a
 * string saying why it cannot (so callers build a rejection without exceptions). Pure functions.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** `true`/`false` in any case (DDEX also writes `1`/`0`); empty is the default. */
export function parseBool(raw: string, dflt: boolean): Parsed<boolean> {
  const v = raw.trim().toLowerCase();
  if (v === '') return ok(dflt);
  if (v === 'true' || v === '1') return ok(true);
  if (v === 'false' || v === '0') return ok(false);
  return bad(`expected true or false, got ${JSON.stringify(raw)}`);
}

/** A `|`-separated list; blanks are dropped, duplicates kept once, order kept. */
export function parseList(raw: string): string[] {
  if (raw.trim() === '') return [];
  const out: string[] = [];
  for (const part of raw.split('|')) {
    const t = part.trim();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
/** Longest duration accepted: a week, far above any recording, so that typos (seconds as ms) stand out. */
const MAX_DURATION_MS = 7 * 24 * 3600 * 1000;

/**
 * A duration in milliseconds from seconds (`185.5`), `m:ss` / `h:mm:ss`, or ISO 8601 (`PT3M5.5S`,
 * `PT0H4M33S`, as DDEX writes them). Empty means unknown (null).
 */
export function parseDuration(raw: string): Parsed<number | null> {
  const v = raw.trim();
  if (v === '') return ok(null);
  let seconds: number;
  if (/^\d+(\.\d+)?$/.test(v)) {
    seconds = Number(v);
  } else if (/^\d+(:[0-5]\d){1,2}(\.\d+)?$/.test(v)) {
    seconds = v.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  } else {
    const m = ISO_DURATION.exec(v.toUpperCase());
    if (m === null || v.toUpperCase() === 'P' || v.toUpperCase().endsWith('T')) {
      return bad(`not a duration (seconds, m:ss or ISO 8601 such as PT3M5S): ${JSON.stringify(raw)}`);
    }
    const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? 0 : Number(x))) as [
      number,
      number,
      number,
      number,
    ];
    seconds = ((d * 24 + h) * 60 + min) * 60 + s;
  }
  const ms = Math.round(seconds * 1000);
  if (!Number.isFinite(ms) || ms > MAX_DURATION_MS)
    return bad(`duration out of range: ${JSON.stringify(raw)}`);
  return ok(ms);
}

/** A whole number in [min, max]; empty is null. */
export function parseInteger(raw: string, min: number, max: number): Parsed<number | null> {
  const v = raw.trim();
  if (v === '') return ok(null);
  if (!/^\d{1,9}$/.test(v)) return bad(`expected a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(v);
  if (n < min || n > max) return bad(`must be between ${min} and ${max}, got ${n}`);
  return ok(n);
}

/** The year of an ISO date (`2011-01-01`) or a bare year; empty is null. */
export function yearOf(raw: string): Parsed<number | null> {
  const m = /^(\d{4})(-\d{2}(-\d{2})?)?/.exec(raw.trim());
  if (raw.trim() === '') return ok(null);
  return m === null ? bad(`not a year or ISO date: ${JSON.stringify(raw)}`) : ok(Number(m[1]));
}
