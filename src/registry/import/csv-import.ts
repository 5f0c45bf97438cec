/** One CSV file of a run: header check, then every row validated (pure) and handed to the sink. */
import { checkHeader, normaliseHeader, type ColumnIndex, type CsvType } from './csv-columns.js';
import { CsvRecords } from './csv-records.js';
import { lineupRow, mandateRow, performerRow, recordingRow } from './csv-rows.js';
import { fileError } from './errors.js';
import { readChunks } from './file-source.js';
import type { RowOutcome } from './model.js';
import { csvLine } from './report.js';
import { STOP, whenDrained, type PlannedFile, type Run } from './run.js';
import type { ImportSink } from './sink.js';

type Failure = { ok: false; field: string; reason: string };
type RowHandler = (fields: readonly string[], ix: ColumnIndex, line: number) => RowOutcome | Failure;

/** Validation then the sink's write, per type; a closure per file so rows do not switch on the type. */
function rowHandler(type: CsvType, sink: ImportSink): RowHandler {
  switch (type) {
    case 'performers':
      return (f, ix, line) => {
        const v = performerRow(f, ix);
        return v.ok ? sink.performer(v.value, line) : v;
      };
    case 'recordings':
      return (f, ix, line) => {
        const v = recordingRow(f, ix);
        return v.ok ? sink.recording(v.value, line) : v;
      };
    case 'mandates':
      return (f, ix, line) => {
        const v = mandateRow(f, ix);
        return v.ok ? sink.mandate(v.value, line) : v;
      };
    case 'lineups':
      return (f, ix, line) => {
        const v = lineupRow(f, ix);
        return v.ok ? sink.lineup(v.value, line) : v;
      };
  }
}

/** The first field with a NUL character, or -1. PostgreSQL text cannot hold one, so neither database gets one. */
function nulAt(fields: readonly string[]): number {
  for (let i = 0; i < fields.length; i++) if ((fields[i] as string).includes('\0')) return i;
  return -1;
}

export async function importCsv(
  run: Run,
  sink: ImportSink,
  file: PlannedFile & { type: CsvType },
): Promise<void> {
  const handle = rowHandler(file.type, sink);
  let index: ColumnIndex | null = null;
  let names: string[] = [];
  let width = 0;
  const reject = (line: number, field: string, reason: string, raw: string) =>
    run.reject(file.type, { file: file.path, line, field, reason, raw });

  const records = new CsvRecords({
    record(fields, line) {
      if (index === null) {
        const h = checkHeader(file.type, normaliseHeader(fields));
        if (!h.ok) {
          throw fileError('IMPORT_BAD_HEADER', file.path, line, h.problems.join('; '), {
            problems: h.problems,
          });
        }
        index = h.index;
        names = normaliseHeader(fields);
        width = fields.length;
        return;
      }
      run.row();
      const nul = nulAt(fields);
      if (fields.length !== width) {
        reject(line, '', `the row has ${fields.length} fields, the header has ${width}`, csvLine(fields));
      } else if (nul >= 0) {
        reject(line, names[nul] ?? '', 'contains a NUL character', csvLine(fields).replace(/\0/g, '\\0'));
      } else {
        const out = handle(fields, index, line);
        if (!out.ok) reject(line, out.field, out.reason, csvLine(fields));
      }
      if (run.stop) throw STOP;
    },
    bad(line, reason) {
      if (index === null)
        throw fileError('IMPORT_BAD_HEADER', file.path, line, `unreadable header: ${reason}`);
      run.row();
      reject(line, '', reason, '');
      if (run.stop) throw STOP;
    },
  });

  try {
    await readChunks(
      file.path,
      (chunk) => {
        records.write(chunk);
        return whenDrained(sink.drain(), run.drain());
      },
      { signal: run.signal, onBytes: (n) => run.progress(file.path, n) },
    );
    await records.end();
  } catch (e) {
    if (e !== STOP) throw e;
    return;
  }
  if (index === null) throw fileError('IMPORT_BAD_FILE', file.path, 1, 'empty file (no header row)');
}
