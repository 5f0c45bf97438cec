/**
 * Mandates of the demo members: mostly one mandate for every AI use, both media, worldwide; some narrower in
 * uses, media or territories; some renewed (an expired mandate followed by a new one), some split by medium,
 * a few withdrawn. Dates spread over 2019-2026, written as `YYYY-MM-DD`.
 */
import type { DemoPerformer } from './performers.js';
import type { DemoContext } from './plan.js';
import { STREAM, weights, type Rng } from './rng.js';

export interface DemoMandate {
  mandateId: string;
  memberNo: string;
  legalBasis: 'statutory' | 'express';
  /** `|`-separated lists as in the CSV; empty means the import's default. */
  uses: string;
  media: string;
  territories: string;
  validFrom: string;
  validTo: string;
  withdrawnAt: string;
  sourceRef: string;
}

const EPOCH = Date.UTC(2019, 0, 1);
const DAY = 86_400_000;
/** Day numbers counted from 2019-01-01. */
const END_2022 = 1460;
const END_2025 = 2556;
const END_2026 = 2921;
/** Withdrawals are dated no later than mid-2026. */
const LAST_WITHDRAWAL = 2737;

export function dayToDate(day: number): string {
  return new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
}

const USES = weights<string>([
  ['ai-training|genai-training|ai-inference', 68],
  ['', 14],
  ['all-tdm', 6],
  ['ai-training|genai-training', 5],
  ['genai-training', 4],
  ['ai-training', 3],
]);
const MEDIA = weights<string>([
  ['sound|audiovisual', 70],
  ['', 12],
  ['sound', 14],
  ['audiovisual', 4],
]);
const TERRITORIES = weights<string>([
  ['WORLD', 78],
  ['', 7],
  ['FR', 4],
  ['FR|BE|LU|MC|CH', 4],
  ['FR|DE|ES|IT|BE|NL|PT', 4],
  ['FR|GB|US|CA', 3],
]);

function withdrawal(rng: Rng, from: number, to: number | null): string {
  const last = Math.min(to ?? LAST_WITHDRAWAL, LAST_WITHDRAWAL);
  return last > from + 30 && rng.chance(0.03) ? dayToDate(rng.between(from + 30, last)) : '';
}

function mandate(
  rng: Rng,
  perf: DemoPerformer,
  k: number,
  from: number,
  to: number | null,
  media: string,
): DemoMandate {
  const legalBasis = rng.chance(0.75) ? 'express' : 'statutory';
  const seq = String(perf.index + 1).padStart(6, '0');
  const ref = `${legalBasis === 'express' ? 'CTR' : 'ADH'}-${dayToDate(from).slice(0, 4)}-${seq}${k > 0 ? `/A${k}` : ''}`;
  return {
    mandateId: `MDT-${seq}-${k + 1}`,
    memberNo: perf.memberNo as string,
    legalBasis,
    uses: rng.pickWeighted(USES),
    media,
    territories: rng.pickWeighted(TERRITORIES),
    validFrom: dayToDate(from),
    validTo: to === null ? '' : dayToDate(to),
    withdrawnAt: withdrawal(rng, from, to),
    sourceRef: rng.chance(0.05) ? '' : ref,
  };
}

/** The mandates of one performer (none for a non-member). */
export function mandatesOf(ctx: DemoContext, perf: DemoPerformer): DemoMandate[] {
  if (!perf.member) return [];
  const rng = ctx.rng.mandate.reseed(STREAM.mandate, perf.index);
  const r = rng.float();
  if (r < 0.1) {
    // Renewal: a mandate that ran out, then a new one from the day after.
    const from = rng.between(0, END_2022);
    const renewal = Math.min(from + rng.between(365, 3 * 365), END_2025);
    return [
      mandate(rng, perf, 0, from, renewal, rng.pickWeighted(MEDIA)),
      mandate(rng, perf, 1, renewal, null, rng.pickWeighted(MEDIA)),
    ];
  }
  if (r < 0.15) {
    // Split by medium: sound first, audiovisual signed later.
    const from = rng.between(0, END_2025);
    return [
      mandate(rng, perf, 0, from, null, 'sound'),
      mandate(rng, perf, 1, rng.between(from, END_2026), null, 'audiovisual'),
    ];
  }
  const from = rng.between(0, END_2026);
  const to = rng.chance(0.1) ? from + rng.between(365, 5 * 365) : null;
  return [mandate(rng, perf, 0, from, to, rng.pickWeighted(MEDIA))];
}
