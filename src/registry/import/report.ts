/** The rejection report of `--skip-bad-rows`: CSV `line,field,reason,raw,file`, one row per rejected row. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { ImportError } from './errors.js';
import type { Rejection } from './model.js';

/** One CSV line with RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes doubled). */
export function csvLine(fields: readonly (string | number)[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const f = String(fields[i]);
    if (i > 0) out += ',';
    out += /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
  }
  return out;
}

export const REPORT_HEADER = ['line', 'field', 'reason', 'raw', 'file'] as const;

export class ReportWriter {
  private constructor(
    private readonly stream: WriteStream,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<ReportWriter> {
    const stream = createWriteStream(path, { flags: 'w' });
    try {
      await once(stream, 'open');
    } catch (cause) {
      throw new ImportError(
        'IMPORT_BAD_OPTIONS',
        `cannot write the report ${path}: ${(cause as Error).message}`,
        { cause },
      );
    }
    const w = new ReportWriter(stream, path);
    w.stream.write(csvLine(REPORT_HEADER) + '\n');
    return w;
  }

  write(r: Rejection): void {
    this.stream.write(csvLine([r.line, r.field, r.reason, r.raw, r.file]) + '\n');
  }

  /** Resolves when buffered report lines have been written (so a huge report does not pile up in memory). */
  drain(): Promise<void> | null {
    return this.stream.writableNeedDrain ? once(this.stream, 'drain').then(() => undefined) : null;
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
