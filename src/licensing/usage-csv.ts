/** The records of a usage report: a CSV (csv-parse), or the JSONL of `tdmr scan` (fingerprint matches); each with its line. */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { LicensingError } from './errors.js';

export async function* usageCsvRecords(input: Readable, source: string): AsyncGenerator<{ line: number; cells: Record<string, string> }> {
  const parser = input.pipe(parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, info: true }));
  try {
    for await (const r of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) yield { line: r.info.lines, cells: r.record };
  } catch (e) {
    throw new LicensingError('LICENSING_BAD_USAGE', `${source}: ${(e as Error).message}`, { cause: e, details: { file: source } });
  }
}

/**
 * The records of a usage report made from `tdmr scan` output (JSONL, one scanned file a line): one record per
 * matched recording, with the uses given, one unit, and the matched span in seconds. A line that is not JSON,
 * or a match without an ISRC, becomes a record whose bad cell names that line, so the report is refused whole.
 */
export async function* usageScanRecords(input: Readable, source: string, uses: readonly string[]): AsyncGenerator<{ line: number; cells: Record<string, string> }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new LicensingError('LICENSING_BAD_USAGE', `${source}: line ${n}: not JSON: ${(e as Error).message}`, { details: { file: source, line: n } });
    }
    const matches = (value as { matches?: unknown } | null)?.matches;
    if (!Array.isArray(matches)) throw new LicensingError('LICENSING_BAD_USAGE', `${source}: line ${n}: not a scan outcome (no "matches" list)`, { details: { file: source, line: n, field: 'matches' } });
    for (const m of matches as { isrc?: unknown; query?: { start?: unknown; end?: unknown } }[]) {
      const span = typeof m.query?.start === 'number' && typeof m.query.end === 'number' ? Math.max(0, Math.round(m.query.end - m.query.start)) : 0;
      yield { line: n, cells: { isrc: typeof m.isrc === 'string' ? m.isrc : '', uses: uses.join(';'), units: '1', seconds: String(span) } };
    }
  }
}
