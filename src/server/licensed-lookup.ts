/**
 * Lookups answered to a licensee: the caller's API key (`Authorization: Bearer tdmr_...`, scope
 * `lookup`) names its organisation; its licences turn the `reserved` uses they cover into `licensed`
 * (licensing/licensed.ts). Requests without the header get the public answer, unchanged, on the usual
 * paths (the fast path included); a header that is not a valid key is a 401, never a silent public answer.
 */
import { bearerKey } from '../licensing/api-keys.js';
import { LicenceCollector, licensedView, overallAnswerStatus } from '../licensing/licensed.js';
import type { Licence } from '../licensing/model.js';
import { LicensingError } from '../licensing/errors.js';
import type { LicensingService } from '../licensing/service.js';
import type { Recording } from '../registry/model.js';
import type { RegistryService } from '../registry/service.js';
import type { CheckItem, RecordingAnswer } from '../registry/status-lookup.js';
import type { CheckResponse, StatusAnswerBody } from './status-json.js';

export interface LicenceHolder {
  /** The licences of the caller named by an Authorization header (401 when it is not a valid key). */
  licences(authorization: string): Promise<readonly Licence[]>;
  /** Performer ids of a recording's line-up (only asked when a licence's repertoire lists performers). */
  lineup(recording: Recording): Promise<readonly string[]>;
}

export function licenceHolder(licensing: LicensingService, registry: RegistryService): LicenceHolder {
  return {
    async licences(authorization) {
      const key = bearerKey(authorization);
      if (key === null) throw new LicensingError('LICENSING_UNAUTHENTICATED', 'the Authorization header must be "Bearer <API key>"');
      const p = await licensing.authenticate(key, 'lookup');
      // Staff keys see the public answer: only a licensee holds licences.
      return p.actor.role === 'licensee' ? licensing.licencesOf(p.actor.id) : [];
    },
    async lineup(recording) {
      const r = await registry.recording(recording.isrc ?? recording.isan ?? recording.eidr ?? recording.id);
      return [...new Set(r.lineup.map((e) => e.performerId))];
    },
  };
}

const needsLineup = (licences: readonly Licence[]) => licences.some((l) => l.terms.repertoire.kind === 'performers');

/** The single answer as the holder of `licences` sees it. */
export async function licensedStatus(a: RecordingAnswer, licences: readonly Licence[], holder: LicenceHolder): Promise<StatusAnswerBody> {
  if (a.recording === null || a.status !== 'reserved' || licences.length === 0) return a;
  const lineup = needsLineup(licences) ? await holder.lineup(a.recording) : [];
  const collector = new LicenceCollector();
  const view = licensedView(a, licences, lineup, { at: a.at, territory: a.territory ?? undefined }, collector);
  return { ...view, evidence: { ...a.evidence, licences: collector.list } };
}

/** The items of a batch as the holder of `licences` sees them, with the summary counting `licensed`. */
export async function licensedCheck(
  r: { at: string; territory: string | null; items: CheckItem[]; evidence: CheckResponse['evidence'] },
  licences: readonly Licence[],
  holder: Pick<LicenceHolder, 'lineup'>,
): Promise<Omit<CheckResponse, 'count' | 'detail'>> {
  const collector = new LicenceCollector();
  const items: CheckResponse['items'] = [];
  const summary = { reserved: 0, licensed: 0, notCovered: 0, unknown: 0, invalid: 0 };
  for (const item of r.items) {
    let out: CheckResponse['items'][number] = item;
    if (item.ok && item.recording !== null && item.status === 'reserved' && licences.length > 0) {
      const lineup = needsLineup(licences) ? await holder.lineup(item.recording) : [];
      out = licensedView(item, licences, lineup, { at: r.at, territory: r.territory ?? undefined }, collector);
    }
    items.push(out);
    if (!out.ok) summary.invalid++;
    else {
      const s = overallAnswerStatus([out.status]);
      if (s === 'reserved') summary.reserved++;
      else if (s === 'licensed') summary.licensed++;
      else if (s === 'unknown') summary.unknown++;
      else summary.notCovered++;
    }
  }
  return { at: r.at, territory: r.territory, summary, items, evidence: { ...r.evidence, licences: collector.list } };
}
