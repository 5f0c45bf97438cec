/** Which import format a file is in: `--type`, else XML for DDEX, else the CSV header says. */
import { parse } from 'csv-parse/sync';
import { open } from 'node:fs/promises';
import { detectCsvType, normaliseHeader } from './csv-columns.js';
import { fileError } from './errors.js';
import type { FileType } from './model.js';

const HEAD = 64 * 1024;

async function head(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD);
    const { bytesRead } = await fh.read(buf, 0, HEAD, 0);
    return buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } catch (cause) {
    throw fileError('IMPORT_BAD_FILE', path, null, `cannot read (${(cause as Error).message})`, { cause });
  } finally {
    await fh.close();
  }
}

export async function detectType(path: string, forced?: FileType): Promise<FileType> {
  if (forced !== undefined) return forced;
  const text = await head(path);
  if (text.trimStart().startsWith('<')) return 'ddex';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '') throw fileError('IMPORT_BAD_FILE', path, 1, 'empty file (no header row)');
  let cells: string[];
  try {
    const rows: string[][] = parse(firstLine, { relax_quotes: true });
    cells = rows[0] ?? [];
  } catch (cause) {
    throw fileError('IMPORT_BAD_HEADER', path, 1, 'unreadable header', { cause });
  }
  const type = detectCsvType(normaliseHeader(cells));
  if (type === null) {
    throw fileError(
      'IMPORT_BAD_HEADER',
      path,
      1,
      `cannot tell the file type from its header (${cells.join(', ')}); use --type`,
    );
  }
  return type;
}
