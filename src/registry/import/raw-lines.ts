/**
 * The raw text of rows rejected after reading (by PostgreSQL's set-based merge, which knows only line
 * numbers): a second pass over the file, only when there are such rows, so that staging stays lean.
 */
import { CsvRecords } from './csv-records.js';
import { ErnReader } from './ddex-parse.js';
import { describeResource } from './ddex-import.js';
import { readChunks } from './file-source.js';
import type { FileType } from './model.js';
import { csvLine } from './report.js';

export async function rawOfLines(
  path: string,
  type: FileType,
  lines: ReadonlySet<number>,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (lines.size === 0) return out;
  if (type === 'ddex') {
    const reader = new ErnReader(
      {
        party: () => undefined,
        resource: (r) => void (lines.has(r.line) && out.set(r.line, describeResource(r))),
      },
      path,
    );
    await readChunks(path, (chunk) => reader.write(chunk));
    reader.end();
    return out;
  }
  const records = new CsvRecords({
    record: (fields, line) => void (lines.has(line) && out.set(line, csvLine(fields))),
    bad: () => undefined,
  });
  await readChunks(path, (chunk) => records.write(chunk));
  await records.end();
  return out;
}
