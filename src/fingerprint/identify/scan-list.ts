/**
 * What `tdmr scan` fingerprints: the audio files under a directory (recursive, by extension, as
 * `tdmr check` walks), or the paths a manifest lists: a text file of one path a line, or a CSV whose
 * header has a `path` column (csv-parse). Relative paths in a manifest are relative to the manifest.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { listMediaFiles } from '../../checker/media-walk.js';
import { FingerprintError } from './errors.js';

export function scanInputs(target: string): { kind: 'directory' | 'manifest'; paths: string[] } {
  let dir: boolean;
  try {
    dir = statSync(target).isDirectory();
  } catch (e) {
    throw new FingerprintError('FINGERPRINT_BAD_FILE', `no such directory or manifest: ${target}`, {
      cause: e,
      details: { file: target },
    });
  }
  if (dir) return { kind: 'directory', paths: listMediaFiles(target) };
  let text: string;
  try {
    text = readFileSync(target, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new FingerprintError('FINGERPRINT_BAD_FILE', `cannot read ${target}: ${(e as Error).message}`, {
      cause: e,
      details: { file: target },
    });
  }
  const base = dirname(target);
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  if (/(^|,)\s*"?path"?\s*(,|$)/i.test(first)) {
    let records: Record<string, string>[];
    try {
      records = parse<Record<string, string>>(text, {
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        skip_empty_lines: true,
        relax_column_count: true,
      });
    } catch (e) {
      throw new FingerprintError('FINGERPRINT_BAD_CSV', `${target}: ${(e as Error).message}`, {
        cause: e,
        details: { file: target },
      });
    }
    return {
      kind: 'manifest',
      paths: records
        .map((r) => (r.path ?? '').trim())
        .filter((p) => p !== '')
        .map(abs),
    };
  }
  const paths = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map(abs);
  return { kind: 'manifest', paths };
}
