/**
 * Recording, work and party identifiers: normalisation and validation.
 *
 * Each `parseX(raw)` trims, drops the usual separators and label prefixes, upper-cases, then checks the
 * syntax and, where the standard defines one, the check character. It returns the canonical stored form
 * or the reason it cannot. Pure functions: no I/O.
 *
 * @example
 * parseIsrc('us-rc1-76-07839') // { ok: true, value: 'USRC17607839' }
 * parseIsni('0000 0001 2281 955X') // { ok: true, value: '000000012281955X' }
 */
export type IdParse = { ok: true; value: string } | { ok: false; reason: string };

export const ID_KINDS = ['isrc', 'isni', 'isan', 'eidr', 'iswc', 'ipn', 'ipi'] as const;
export type IdKind = (typeof ID_KINDS)[number];

const ok = (value: string): IdParse => ({ ok: true, value });
const bad = (reason: string): IdParse => ({ ok: false, reason });

/** Removes a leading label such as `ISRC `, `ISRC:` or `isni`, then spaces and hyphens, then upper-cases. */
function compact(raw: string, label: string): string {
  let s = raw.trim();
  const re = new RegExp(`^${label}\\s*[:]?\\s*`, 'i');
  s = s.replace(re, '');
  return s.replace(/[\s\u00a0-]+/g, '').toUpperCase();
}

const ISRC_RE = /^[A-Z]{2}[A-Z0-9]{3}[0-9]{2}[0-9]{5}$/;

/** ISRC (ISO 3901): 12 characters, no check character. Stored without hyphens, upper case. */
export function parseIsrc(raw: string): IdParse {
  const s = compact(raw, 'ISRC');
  if (s.length === 0) return bad('empty');
  if (s.length !== 12) return bad(`ISRC has 12 characters, got ${s.length}`);
  if (!/^[A-Z]{2}/.test(s)) return bad('ISRC country/prefix code must be 2 letters');
  if (!/^[A-Z0-9]{3}$/.test(s.slice(2, 5))) return bad('ISRC registrant code must be 3 letters or digits');
  if (!/^[0-9]{2}$/.test(s.slice(5, 7))) return bad('ISRC year of reference must be 2 digits');
  if (!/^[0-9]{5}$/.test(s.slice(7))) return bad('ISRC designation code must be 5 digits');
  return ISRC_RE.test(s) ? ok(s) : bad('not an ISRC');
}

/** ISO 7064 MOD 11-2 check character over decimal digits (ISNI, ORCID). */
export function mod11_2(digits: string): string {
  let p = 0;
  for (const ch of digits) p = ((p + (ch.charCodeAt(0) - 48)) * 2) % 11;
  const r = (12 - p) % 11;
  return r === 10 ? 'X' : String(r);
}

/** ISNI (ISO 27729): 15 digits and a MOD 11-2 check character. Accepts an `ISNI` label prefix. */
export function parseIsni(raw: string): IdParse {
  const s = compact(raw, 'ISNI');
  if (s.length === 0) return bad('empty');
  if (s.length !== 16) return bad(`ISNI has 16 characters, got ${s.length}`);
  if (!/^[0-9]{15}[0-9X]$/.test(s)) return bad('ISNI is 15 digits followed by a digit or X');
  const want = mod11_2(s.slice(0, 15));
  return s[15] === want ? ok(s) : bad(`ISNI check character should be ${want}, not ${s[15]}`);
}

const A36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 check character over hexadecimal / alphanumeric characters (ISAN, EIDR). */
export function mod37_36(s: string): string {
  let p = 36;
  for (const ch of s) {
    let x = (p + A36.indexOf(ch)) % 36;
    if (x === 0) x = 36;
    p = (2 * x) % 37;
  }
  return A36[(37 - p) % 36] as string;
}

/**
 * ISAN (ISO 15706-2): 16 hex digits (root + episode) and a check character, optionally 8 hex digits
 * of version and a second check character over all 24. Stored compact: `0000000189470000800000000D`
 * is kept as its 16+1(+8+1) characters.
 */
export function parseIsan(raw: string): IdParse {
  const s = compact(raw, 'ISAN');
  if (s.length === 0) return bad('empty');
  if (s.length !== 17 && s.length !== 26) return bad(`ISAN has 17 or 26 characters without separators, got ${s.length}`);
  const root = s.slice(0, 16);
  if (!/^[0-9A-F]{16}$/.test(root)) return bad('ISAN root and episode are 16 hexadecimal digits');
  const c1 = mod37_36(root);
  if (s[16] !== c1) return bad(`ISAN first check character should be ${c1}, not ${s[16]}`);
  if (s.length === 17) return ok(s);
  const version = s.slice(17, 25);
  if (!/^[0-9A-F]{8}$/.test(version)) return bad('ISAN version is 8 hexadecimal digits');
  const c2 = mod37_36(root + version);
  return s[25] === c2 ? ok(s) : bad(`ISAN second check character should be ${c2}, not ${s[25]}`);
}

/** EIDR: DOI `10.5240/` + 20 hex digits + MOD 37,36 check character. Stored as `10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C`. */
export function parseEidr(raw: string): IdParse {
  let s = raw.trim().replace(/^(doi:|https?:\/\/doi\.org\/)/i, '');
  if (s.length === 0) return bad('empty');
  if (!s.startsWith('10.5240/')) return bad('EIDR is a DOI starting with 10.5240/');
  s = s.slice(8).replace(/[\s-]+/g, '').toUpperCase();
  if (s.length !== 21) return bad(`EIDR suffix has 20 hexadecimal digits and a check character, got ${s.length} characters`);
  const hex = s.slice(0, 20);
  if (!/^[0-9A-F]{20}$/.test(hex)) return bad('EIDR suffix is 20 hexadecimal digits');
  const c = mod37_36(hex);
  if (s[20] !== c) return bad(`EIDR check character should be ${c}, not ${s[20]}`);
  const groups = hex.match(/.{4}/g) as string[];
  return ok(`10.5240/${groups.join('-')}-${c}`);
}

/** ISWC (ISO 15707): `T` + 9 digits + weighted mod-10 check digit. Stored as `T0345246801`. */
export function parseIswc(raw: string): IdParse {
  const s = compact(raw, 'ISWC').replace(/\./g, '');
  if (s.length === 0) return bad('empty');
  if (!/^T[0-9]{10}$/.test(s)) return bad('ISWC is T followed by 10 digits');
  let sum = 1;
  for (let i = 1; i <= 9; i++) sum += i * (s.charCodeAt(i) - 48);
  const want = String((10 - (sum % 10)) % 10);
  return s[10] === want ? ok(s) : bad(`ISWC check digit should be ${want}, not ${s[10]}`);
}

/** IPN (SCAPR International Performer Number): digits only; no check digit is published, so none is invented. */
export function parseIpn(raw: string): IdParse {
  const s = compact(raw, 'IPN');
  if (s.length === 0) return bad('empty');
  if (!/^[0-9]+$/.test(s)) return bad('IPN is digits only');
  if (s.length > 12) return bad(`IPN has at most 12 digits, got ${s.length}`);
  return ok(s);
}

/** IPI name number (CISAC): 11 digits, the last two a MOD 101 check over the first nine. Left-padded. */
export function parseIpi(raw: string): IdParse {
  const s = compact(raw, 'IPI');
  if (s.length === 0) return bad('empty');
  if (!/^[0-9]{1,11}$/.test(s)) return bad('IPI name number is up to 11 digits');
  const p = s.padStart(11, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (p.charCodeAt(i) - 48) * (10 - i);
  const want = String((101 - (sum % 101)) % 101).padStart(2, '0');
  return p.slice(9) === want ? ok(p) : bad(`IPI check digits should be ${want}, not ${p.slice(9)}`);
}

const PARSERS: Record<IdKind, (raw: string) => IdParse> = {
  isrc: parseIsrc,
  isni: parseIsni,
  isan: parseIsan,
  eidr: parseEidr,
  iswc: parseIswc,
  ipn: parseIpn,
  ipi: parseIpi,
};

export function parseId(kind: IdKind, raw: string): IdParse {
  return PARSERS[kind](raw);
}

export interface IdRecognition {
  input: string;
  kind: IdKind | null;
  valid: boolean;
  normalized: string | null;
  reason: string | null;
}

/**
 * Says what kind of identifier a string is, and whether it is valid. An explicit label (`ISRC `,
 * `ISNI `, `10.5240/`...) decides the kind; otherwise the shape does. Where the shape fits several
 * kinds (16 digits: ISNI), the one that validates is preferred.
 */
export function recognizeId(input: string): IdRecognition {
  const t = input.trim();
  const labelled = /^(isrc|isni|isan|iswc|ipn|ipi)\b/i.exec(t)?.[1]?.toLowerCase() as IdKind | undefined;
  const candidates: IdKind[] = labelled
    ? [labelled]
    : /^(doi:|https?:\/\/doi\.org\/)?10\.5240\//i.test(t)
      ? ['eidr']
      : guessKinds(t.replace(/[\s\u00a0.-]+/g, '').toUpperCase());
  let first: IdRecognition | null = null;
  for (const kind of candidates) {
    const r = PARSERS[kind](t);
    const rec: IdRecognition = r.ok
      ? { input, kind, valid: true, normalized: r.value, reason: null }
      : { input, kind, valid: false, normalized: null, reason: r.reason };
    if (r.ok) return rec;
    first ??= rec;
  }
  return first ?? { input, kind: null, valid: false, normalized: null, reason: 'not a recognised identifier' };
}

function guessKinds(s: string): IdKind[] {
  if (/^T[0-9]{10}$/.test(s)) return ['iswc'];
  if (/^[A-Z]{2}[A-Z0-9]{3}/.test(s) && s.length >= 11 && s.length <= 13) return ['isrc'];
  if (/^[0-9A-F]{16}[0-9A-Z]([0-9A-F]{8}[0-9A-Z])?$/.test(s) && /[A-F]/.test(s.slice(0, 16))) return ['isan'];
  if (/^[0-9]{15}[0-9X]$/.test(s)) return ['isni'];
  if (s.length === 17 || s.length === 26) return ['isan'];
  if (/^[0-9]{11}$/.test(s)) return ['ipi', 'ipn'];
  if (/^[0-9]{1,12}$/.test(s)) return ['ipn'];
  if (/^[A-Z]{2}/.test(s)) return ['isrc'];
  return [];
}
