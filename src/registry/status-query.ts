/**
 * The pure steps of a status call (RegistryService.status / .check and the snapshot reader alike): the
 * normalised question, the recording identifier, and the answer computed from coverage rows.
 */
import { coverageStatus, type CoverageStatus } from './coverage.js';
import { RegistryError } from './errors.js';
import { recognizeId } from './identifiers.js';
import { instant, subset, territories } from './inputs.js';
import { QUERY_USES, type Declaration, type QueryUse } from './model.js';
import type { RecordingStatus, StatusOptions } from './service.js';
import type { CoverageRows } from './store.js';

/** Pure: the normalised question behind a status call (`now` is the default instant). */
export function statusQuery(
  opts: StatusOptions,
  now: Date,
): { at: string; uses: QueryUse[]; territory: string | undefined } {
  const at = opts.at === undefined ? now.toISOString() : instant('at', opts.at);
  const uses = opts.use === undefined ? [...QUERY_USES] : subset('use', [opts.use], QUERY_USES, []);
  const territory = opts.territory === undefined ? undefined : (territories([opts.territory])[0] as string);
  return { at, uses, territory };
}

/** Pure: the recording identifier (ISRC, ISAN or EIDR) in a status query, normalised; throws `REGISTRY_INVALID_ID`. */
export function recordingIdentifier(identifier: string): { kind: 'isrc' | 'isan' | 'eidr'; value: string } {
  const id = recognizeId(identifier);
  if (
    !id.valid ||
    (id.kind !== 'isrc' && id.kind !== 'isan' && id.kind !== 'eidr') ||
    id.normalized === null
  ) {
    throw new RegistryError(
      'REGISTRY_INVALID_ID',
      `${identifier}: ${id.reason ?? `a ${id.kind ?? 'value'} does not identify a recording`}`,
    );
  }
  return { kind: id.kind, value: id.normalized };
}

/** Pure: the status answer for one identifier from its coverage rows. */
export function answer(
  identifier: string | null,
  rows: CoverageRows | null,
  declarations: readonly Declaration[],
  q: { at: string; uses: readonly QueryUse[]; territory: string | undefined },
): Omit<RecordingStatus, 'query'> {
  const input =
    rows === null
      ? { recording: null, lineup: [], performers: [], mandates: [], declarations }
      : { ...rows, declarations };
  const uses = q.uses.map((use) => coverageStatus(input, { at: q.at, use, territory: q.territory }));
  const status: CoverageStatus = uses.some((u) => u.status === 'reserved')
    ? 'reserved'
    : uses.some((u) => u.status === 'unknown')
      ? 'unknown'
      : 'not-covered';
  return {
    identifier,
    at: q.at,
    territory: q.territory ?? null,
    status,
    recording: rows?.recording ?? null,
    uses,
  };
}
