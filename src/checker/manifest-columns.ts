/**
 * A manifest's columns (pure): names matched case-insensitively, with the usual aliases, to the five
 * fields a row can be matched by. Other columns are ignored. A header that gives neither an ISRC nor
 * both artist and title cannot be matched and is refused, naming the file.
 *
 * @example
 * resolveColumns(['ISRC', 'Artist', 'Track Title'], 'a.csv'); // { isrc: 0, artist: 1, title: 2 }
 */
import { CheckerError } from './errors.js';

export const MANIFEST_FIELDS = ['isrc', 'artist', 'title', 'url', 'path'] as const;
export type ManifestField = (typeof MANIFEST_FIELDS)[number];
export type ColumnMap = Partial<Record<ManifestField, number>>;

const ALIASES: Record<string, ManifestField> = {
  isrc: 'isrc',
  artist: 'artist',
  display_artist: 'artist',
  performer: 'artist',
  artist_name: 'artist',
  title: 'title',
  track: 'title',
  track_title: 'title',
  song: 'title',
  url: 'url',
  uri: 'url',
  path: 'path',
  file: 'path',
  filename: 'path',
};

const canonical = (name: string): string =>
  name
    .trim()
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Which column holds each field; CHECK_BAD_MANIFEST when two columns claim one field or none can match. */
export function resolveColumns(header: readonly string[], file: string): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((name, i) => {
    const field = ALIASES[canonical(name)];
    if (field === undefined) return;
    if (map[field] !== undefined) {
      throw new CheckerError(
        'CHECK_BAD_MANIFEST',
        `${file}: columns ${map[field] + 1} and ${i + 1} are both ${field}`,
        { details: { file, line: 1, field } },
      );
    }
    map[field] = i;
  });
  if (map.isrc === undefined && (map.artist === undefined || map.title === undefined)) {
    throw new CheckerError(
      'CHECK_BAD_MANIFEST',
      `${file}: no isrc column, nor both artist and title (columns: ${header.join(', ') || 'none'})`,
      {
        details: { file, line: 1, field: 'isrc' },
      },
    );
  }
  return map;
}

/** The same for the keys of a JSON object (JSONL rows): field -> the key that holds it. */
export function fieldOfKey(key: string): ManifestField | undefined {
  return ALIASES[canonical(key)];
}
