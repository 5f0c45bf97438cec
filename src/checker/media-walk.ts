/**
 * The media files under a directory, for `tdmr check DIR`: recursive, sorted, by extension. Symbolic
 * links to directories are not followed (no loops); hidden entries (`.name`) are skipped.
 */
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CheckerError } from './errors.js';

/** Audio and video containers whose tags and XMP `checkFile` reads. */
export const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set(
  ['mp3', 'flac', 'ogg', 'oga', 'opus', 'spx', 'wav', 'aif', 'aiff', 'm4a', 'm4b', 'mp4', 'm4v', 'aac', 'mov', 'mkv', 'mka', 'webm', 'wma', 'wv', 'ape', 'mpc', 'dsf', 'dff'].map((e) => `.${e}`),
);

export function isMediaFile(path: string): boolean {
  return MEDIA_EXTENSIONS.has(extname(path).toLowerCase());
}

export function listMediaFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new CheckerError('CHECK_BAD_FILE', `cannot read the directory ${d}: ${(e as Error).message}`, { cause: e, details: { file: d } });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && isMediaFile(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}
