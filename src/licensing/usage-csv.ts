/** The records of a usage report CSV (csv-parse), each with its line in the file; a malformed file names its line. */
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
