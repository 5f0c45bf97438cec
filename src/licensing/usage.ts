/**
 * Usage reports (pure): each line read from a licensee's report (CSV columns `isrc`, `uses`, `units`,
 * `seconds`), checked field by field, and then against the licence: a line about a recording the
 * registry does not hold, or a use the licence does not grant for it, is kept and flagged, never
 * dropped, so the collective sees everything that was used.
 */
import { parseIsrc } from '../registry/identifiers.js';
import { licenceCovers, type Licence, type RecordingScope } from './model.js';
import { LICENCE_USES, type LicenceUse, type UsageLine } from './tariffs.js';

export type UsageFlag = 'unknown-recording' | 'out-of-scope';

export interface UsageProblem {
  line: number;
  field: string;
  reason: string;
}

const MAX_UNITS = 1e12;

/** One record of a report (its cells by column name) as a usage line, or the problem with it. */
export function usageLineOf(cells: Readonly<Record<string, string | undefined>>, line: number): UsageLine | UsageProblem {
  const id = parseIsrc((cells.isrc ?? '').trim());
  if (!id.ok) return { line, field: 'isrc', reason: id.reason };
  const uses = (cells.uses ?? '')
    .split(/[;|]/)
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (uses.length === 0) return { line, field: 'uses', reason: `at least one use, among ${LICENCE_USES.join(', ')}` };
  const bad = uses.find((u) => !(LICENCE_USES as readonly string[]).includes(u));
  if (bad !== undefined) return { line, field: 'uses', reason: `not a use: ${JSON.stringify(bad)} (uses: ${LICENCE_USES.join(', ')})` };
  const units = whole(cells.units, 1);
  if (units === null || units < 1) return { line, field: 'units', reason: `a whole number of at least 1, got ${JSON.stringify(cells.units)}` };
  const seconds = whole(cells.seconds, 0);
  if (seconds === null) return { line, field: 'seconds', reason: `a whole number of seconds, got ${JSON.stringify(cells.seconds)}` };
  return { line, recording: id.value, uses: [...new Set(uses)] as LicenceUse[], units, seconds };
}

function whole(v: string | undefined, fallback: number): number | null {
  const t = (v ?? '').trim();
  if (t === '') return fallback;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_UNITS ? n : null;
}

export const isProblem = (x: UsageLine | UsageProblem): x is UsageProblem => 'field' in x;

/**
 * Why a line is outside the licence, or null when every use it reports is licensed for that recording
 * over the whole period (in force at its start and just before its end).
 */
export function usageFlag(line: UsageLine, recording: RecordingScope | null, licence: Licence, period: { from: string; to: string }): UsageFlag | null {
  if (recording === null) return 'unknown-recording';
  const last = new Date(Date.parse(period.to) - 1).toISOString();
  for (const use of line.uses) {
    if (!licenceCovers(licence, recording, use, period.from) || !licenceCovers(licence, recording, use, last)) return 'out-of-scope';
  }
  return null;
}
