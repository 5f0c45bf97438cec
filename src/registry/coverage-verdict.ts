/**
 * The verdict of `coverageStatus` without its reasons, for bulk checks that ask only "reserved or not".
 *
 * Why a second function: building the reasons (one object and one message per declaration, performer
 * and mandate, for each use) is most of the cost of an answer; a batch of 10,000 status-only items should
 * not pay for 10,000 explanations it throws away. The rule is the same; `coverage-verdict.test.ts`
 * checks on random inputs that this verdict always equals `coverageStatus(...).status`.
 */
import { currentVersions, type CoverageStatus, type StatusQuery } from './coverage.js';
import {
  inForce,
  territoriesCover,
  usesCover,
  type Declaration,
  type MandateVersion,
  type Medium,
} from './model.js';

/** What the verdict needs: the medium (null when the recording is unknown), the line-up and the mandates. */
export interface VerdictInput {
  medium: Medium | null;
  /** Performer ids of the line-up (repeats allowed). */
  performerIds: readonly string[];
  /** Every version of every mandate of those performers (extra rows are ignored). */
  mandates: readonly MandateVersion[];
  declarations: readonly Declaration[];
}

/** Equals `coverageStatus(input, q).status` for the same rows. */
export function coverageVerdict(input: VerdictInput, q: StatusQuery): CoverageStatus {
  const { medium } = input;
  if (medium === null) return 'unknown';
  let declared = false;
  for (const d of input.declarations) {
    if (
      inForce(d.effectiveFrom, null, d.withdrawnAt, q.at) &&
      usesCover(d.uses, q.use) &&
      d.media.includes(medium) &&
      territoriesCover(d.territories, q.territory)
    ) {
      declared = true;
      break;
    }
  }
  if (!declared) return 'not-covered';
  if (input.performerIds.length === 0) return 'unknown';
  for (const m of currentVersions(input.mandates, q.knownAt)) {
    if (
      input.performerIds.includes(m.performerId) &&
      inForce(m.validFrom, m.validTo, m.withdrawnAt, q.at) &&
      usesCover(m.uses, q.use) &&
      m.media.includes(medium) &&
      territoriesCover(m.territories, q.territory)
    ) {
      return 'reserved';
    }
  }
  return 'not-covered';
}

/** The overall status over several uses, as `answer()` in service.ts computes it. */
export function overallStatus(statuses: readonly CoverageStatus[]): CoverageStatus {
  if (statuses.includes('reserved')) return 'reserved';
  return statuses.includes('unknown') ? 'unknown' : 'not-covered';
}
