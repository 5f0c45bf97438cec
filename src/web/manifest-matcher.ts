/**
 * Rows of an uploaded manifest checked in-process against the registry: the same answers as the
 * service's `POST /v1/check` (RegistryService.check), batch by batch, without a round trip over HTTP.
 * Like the online checker, only rows with an ISRC can be asked; the others come back `none` with a note
 * (artist + title matching needs the signed snapshot: `tdmr check-manifest --snapshot`).
 * The licensee's licences in force apply as they do to its API key: a reserved use they cover is `licensed`.
 */
import type { RowMatcher } from '../checker/manifest-check.js';
import {
  errorOutcome,
  inputOf,
  noneOutcome,
  type ManifestRow,
  type RowOutcome,
  type RowStatus,
} from '../checker/manifest-model.js';
import { coveringLicences, type Licence, type RecordingScope } from '../licensing/model.js';
import { QUERY_USES, type QueryUse } from '../registry/model.js';
import type { RegistryService } from '../registry/service.js';

export class RegistryMatcher implements RowMatcher {
  readonly source = 'registry-service' as const;

  constructor(
    private readonly registry: RegistryService,
    private readonly at: string,
    private readonly licensed?: {
      licences: readonly Licence[];
      /** What a licence is judged on, for recordings by canonical ISRC. */
      scopes: (isrcs: readonly string[]) => Promise<Map<string, RecordingScope>>;
    },
  ) {}

  async matchBatch(rows: readonly ManifestRow[]): Promise<RowOutcome[]> {
    const asked = rows.filter((r) => (r.isrc?.trim() ?? '') !== '').map((r) => (r.isrc as string).trim());
    const answers = asked.length === 0 ? [] : await this.registry.check(asked, { at: this.at });
    const licences = this.licensed?.licences ?? [];
    const reservedIsrcs = licences.length === 0 ? [] : answers.flatMap((a) => (a.ok && a.status === 'reserved' && a.identifier !== null ? [a.identifier] : []));
    const scopes = reservedIsrcs.length === 0 || this.licensed === undefined ? new Map<string, RecordingScope>() : await this.licensed.scopes(reservedIsrcs);
    let j = 0;
    return rows.map((row): RowOutcome => {
      if ((row.isrc?.trim() ?? '') === '')
        return noneOutcome(row, {
          source: this.source,
          note: 'no ISRC: artist and title are matched against the signed snapshot only (tdmr check-manifest --snapshot)',
        });
      const a = answers[j++];
      if (a === undefined) throw new Error('the registry answered fewer items than asked');
      if (!a.ok)
        return errorOutcome({ line: row.line, field: 'isrc', reason: a.error.message }, this.source, row);
      const uses = {} as Record<QueryUse, RowStatus>;
      for (const u of QUERY_USES) uses[u] = a.uses.find((x) => x.use === u)?.status ?? 'unknown';
      const scope = a.identifier === null ? undefined : scopes.get(a.identifier);
      if (scope !== undefined) {
        for (const u of QUERY_USES) if (uses[u] === 'reserved' && coveringLicences(licences, scope, u, this.at).length > 0) uses[u] = 'licensed';
      }
      const known = a.recording !== null;
      return {
        line: row.line,
        method: known ? 'isrc' : 'none',
        score: known ? 1 : 0,
        isrc: known ? a.identifier : null,
        uses,
        reserved: QUERY_USES.some((u) => uses[u] === 'reserved'),
        input: inputOf(row),
        evidence: { source: this.source, ...(a.identifier ? { key: a.identifier } : {}) },
      };
    });
  }
}
