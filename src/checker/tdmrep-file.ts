/**
 * `/.well-known/tdmrep.json` (TDMRep, "TDM File on the Origin Server"): a JSON array of rules
 * `{ location, tdm-reservation, tdm-policy? }`, tried in file order; the first rule whose location matches
 * decides ("the most specific match is the first in sequence"), which is not robots.txt's longest match.
 */
import type { PathPattern } from './path-pattern.js';
import { compileLocation, normaliseTdmrepPath } from './tdmrep-location.js';

export type Reservation = 0 | 1;

/** The most of a tdmrep.json we read (the spec sets no limit; real files are a few hundred bytes). */
export const TDMREP_MAX_BYTES = 1_048_576;

export interface TdmrepRule {
  index: number;
  location: string;
  pattern: PathPattern;
  /** The raw value; only the numbers 0 and 1 are valid (anything else is a protocol error: unset). */
  reservation: unknown;
  policy: unknown;
}

export interface TdmrepFile {
  /** False when the body is not JSON or not an array: the origin then does not implement the file. */
  valid: boolean;
  problem: string | null;
  rules: TdmrepRule[];
}

export interface TdmrepFileMatch {
  reservation: Reservation | null;
  /** The rule's policy URL, only with reservation 1 (with 0 agents SHOULD NOT process it). */
  policy: string | null;
  /** 0-based index of the deciding rule, or null when none matched. */
  rule: number | null;
  /** Why the matched rule gave no reservation (an invalid value), if so. */
  problem: string | null;
}

/**
 * Parses a tdmrep.json body (text) or an already parsed value. Never throws.
 *
 * @example
 * matchTdmrep(parseTdmrep('[{"location":"/","tdm-reservation":1}]'), '/a').reservation; // 1
 */
export function parseTdmrep(body: unknown): TdmrepFile {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
    } catch (e) {
      return { valid: false, problem: `not JSON: ${(e as Error).message}`, rules: [] };
    }
  }
  if (!Array.isArray(value)) return { valid: false, problem: 'not a JSON array of rules', rules: [] };
  const rules: TdmrepRule[] = [];
  value.forEach((r: unknown, index) => {
    // A rule without a string location can never match; it is skipped rather than failing the file.
    if (r === null || typeof r !== 'object' || typeof (r as { location?: unknown }).location !== 'string') return;
    const o = r as Record<string, unknown>;
    const location = o.location as string;
    rules.push({ index, location, pattern: compileLocation(location), reservation: o['tdm-reservation'], policy: o['tdm-policy'] });
  });
  return { valid: true, problem: null, rules };
}

/** The first rule matching the path (path and query, as from a URL) decides. */
export function matchTdmrep(file: TdmrepFile, path: string): TdmrepFileMatch {
  const p = normaliseTdmrepPath(path);
  const rule = file.rules.find((r) => r.pattern.matches(p));
  if (rule === undefined) return { reservation: null, policy: null, rule: null, problem: null };
  const reservation = rule.reservation === 0 || rule.reservation === 1 ? rule.reservation : null;
  const problem = reservation === null ? `tdm-reservation is ${JSON.stringify(rule.reservation) ?? 'missing'}, not 0 or 1` : null;
  const policy = reservation === 1 && typeof rule.policy === 'string' && rule.policy !== '' ? rule.policy : null;
  return { reservation, policy, rule: rule.index, problem };
}
