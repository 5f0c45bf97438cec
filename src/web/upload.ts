/**
 * Uploaded files: a multipart form's fields and its one file, streamed to a temporary file (never held
 * in memory whole), and CSV records read from it with their line numbers.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { FastifyRequest } from 'fastify';
import { WebError } from './errors.js';

export interface Upload {
  fields: Record<string, string>;
  /** The file on disk, with the name the browser gave it (without any directory). */
  file: { path: string; name: string } | null;
  /** Removes the temporary directory. */
  dispose(): Promise<void>;
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart())
    throw new WebError('WEB_BAD_FORM', 'this form sends a file (multipart/form-data)');
  const dir = await mkdtemp(join(tmpdir(), 'tdmr-upload-'));
  const fields: Record<string, string> = {};
  let file: Upload['file'] = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const name =
          basename(part.filename || 'upload')
            .replace(/[^\w.-]+/g, '_')
            .slice(0, 100) || 'upload';
        const path = join(dir, name);
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated)
          throw new WebError('WEB_BAD_FORM', `${name}: the file is larger than this service accepts`);
        if (file === null && part.filename !== '') file = { path, name };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value.trim();
      }
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { fields, file, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The records of a CSV with a header row, each with its line in the file (the same reading as
 * `tdmr licence usage submit`: header names trimmed and lower-cased, BOM and blank lines skipped).
 */
export async function* csvRecords(
  path: string,
  label: string,
): AsyncGenerator<{ line: number; cells: Record<string, string> }> {
  const parser = createReadStream(path).pipe(
    parse({
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }),
  );
  try {
    for await (const r of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>)
      yield { line: r.info.lines, cells: r.record };
  } catch (e) {
    throw new WebError('WEB_BAD_FORM', `${label}: ${(e as Error).message}`, { cause: e });
  }
}
