/**
 * JSON Lines manifest rows from bytes (pure): one JSON object per line, lines ended by LF (CRLF too), as
 * the JSON Lines format defines them. Shared by the streaming reader (manifest-read.ts) and the worker
 * threads that parse chunks of a big file (manifest-worker.ts), so both give the same rows and problems.
 * A chunk cut at a LF byte is a run of whole lines: in UTF-8 that byte is never part of another character.
 *
 * @example
 * const { items, lines } = jsonlChunk(Buffer.from('{"isrc":"FRZ032500001"}\n'), 1);
 */
import { fieldOfKey } from './manifest-columns.js';
import type { ManifestRow, RowProblem } from './manifest-model.js';
import type { ReadItem } from './manifest-read.js';

export interface JsonlChunk {
  /** One item per line that is not blank, in order. */
  items: ReadItem[];
  /** Lines in the chunk (a last line without LF counts). */
  lines: number;
  /** True when some row had an isrc, artist or title field. */
  sawField: boolean;
}

const NL = 10;
const CR = 13;

/** The items of the lines of `buf`; `firstLine` is the file line of its first line. */
export function jsonlChunk(buf: Buffer, firstLine: number): JsonlChunk {
  const items: ReadItem[] = [];
  let sawField = false;
  let line = firstLine;
  let p = 0;
  while (p < buf.length) {
    let e = buf.indexOf(NL, p);
    const next = e < 0 ? buf.length : e + 1;
    if (e < 0) e = buf.length;
    const end = e > p && buf[e - 1] === CR ? e - 1 : e;
    const r = jsonlLine(buf.toString('utf8', p, end), line);
    if (r !== null) {
      items.push(r.item);
      sawField ||= r.sawField;
    }
    p = next;
    line++;
  }
  return { items, lines: line - firstLine, sawField };
}

/** The item of one line (null for a blank line) and whether it had a manifest field. */
export function jsonlLine(text: string, line: number): { item: ReadItem; sawField: boolean } | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      item: { ok: false, problem: { line, field: 'record', reason: `not JSON: ${(e as Error).message}` } },
      sawField: false,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      item: { ok: false, problem: { line, field: 'record', reason: 'not a JSON object' } },
      sawField: false,
    };
  }
  const row: ManifestRow = { line };
  let sawField = false;
  for (const [k, v] of Object.entries(value)) {
    const f = fieldOfKey(k);
    if (f === undefined || v === null || v === undefined) continue;
    if (typeof v !== 'string' && typeof v !== 'number') {
      const problem: RowProblem = {
        line,
        field: f,
        reason: `${k} is a ${Array.isArray(v) ? 'list' : typeof v}, not text`,
      };
      return { item: { ok: false, problem }, sawField };
    }
    row[f] = String(v);
    sawField = true;
  }
  return { item: { ok: true, row }, sawField };
}
