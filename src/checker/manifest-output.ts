/**
 * Where outcomes go: a JSON Lines or CSV file (by its extension), written as a stream with back-pressure,
 * so a manifest of any size is checked in constant memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { CheckerError } from './errors.js';
import { CSV_HEADER, outcomeCsv, outcomeJsonl, type RowOutcome } from './manifest-model.js';

export interface OutcomeSink {
  /** The text of one outcome in the sink's format. */
  format(o: RowOutcome): string;
  /** Writes text already formatted (a worker's share of the file); resolves when it may write more. */
  writeText(text: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export type OutputFormat = 'jsonl' | 'csv';

/** The line an outcome takes in a file of `format`. */
export function outcomeFormatter(format: OutputFormat): (o: RowOutcome) => string {
  return format === 'csv' ? outcomeCsv : outcomeJsonl;
}

export function outputFormat(file: string): OutputFormat {
  const l = file.toLowerCase();
  if (l.endsWith('.jsonl') || l.endsWith('.ndjson')) return 'jsonl';
  if (l.endsWith('.csv')) return 'csv';
  throw new CheckerError('CHECK_INVALID_OPTION', `--out must end in .jsonl or .csv: ${file}`, {
    details: { field: 'out' },
  });
}

export async function fileSink(file: string): Promise<OutcomeSink> {
  const fmt = outputFormat(file);
  const out: WriteStream = createWriteStream(file);
  let failed: Error | null = null;
  out.on('error', (e) => (failed = e));
  try {
    await once(out, 'open');
  } catch (cause) {
    throw new CheckerError('CHECK_INVALID_OPTION', `cannot write ${file}: ${(cause as Error).message}`, {
      cause,
      details: { field: 'out' },
    });
  }
  const writeText = async (text: string | Uint8Array): Promise<void> => {
    if (failed)
      throw new CheckerError('CHECK_INVALID_OPTION', `cannot write ${file}: ${failed.message}`, {
        details: { field: 'out' },
      });
    if (!out.write(text)) await once(out, 'drain');
  };
  if (fmt === 'csv') await writeText(`${CSV_HEADER.join(',')}\n`);
  return {
    format: outcomeFormatter(fmt),
    writeText,
    close: () =>
      new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve()))),
  };
}
