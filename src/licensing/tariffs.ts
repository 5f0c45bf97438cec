/**
 * Tariffs as data, versioned, in integer minor units (pure): which models exist, how a tariff file is
 * read (zod, every problem named by its field), and what a period's usage costs under a tariff.
 *
 * Models, after the licences collectives offer for AI use (reference: registry.md, section 5):
 * - `flat`: a fixed fee per reporting period, spread over the recordings used by their units;
 * - `per-recording-use`: a rate for each recording and each use made of it;
 * - `revenue-share`: basis points of the revenue the licensee reports, with a minimum guarantee;
 * - `per-hour`: a rate per hour of audio used.
 * Amounts that are not whole cents (a share of revenue, a fraction of an hour) are rounded half up
 * once, on the total, and the total is then split exactly (allocate.ts), so the lines always add up.
 */
import { z } from 'zod';
import { QUERY_USES, type QueryUse } from '../registry/model.js';
import { allocate, assertCents } from './allocate.js';
import { LicensingError } from './errors.js';
import { parseWith } from './parse.js';

/** The uses a licence grants: those the lookups answer about. */
export const LICENCE_USES = QUERY_USES;
export type LicenceUse = QueryUse;

const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const model = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('flat'), amountCents: cents }).strict(),
  z.object({ kind: z.literal('per-recording-use'), centsPerRecordingPerUse: cents }).strict(),
  z.object({ kind: z.literal('revenue-share'), basisPoints: z.number().int().min(0).max(10_000), minimumCents: cents }).strict(),
  z.object({ kind: z.literal('per-hour'), centsPerHour: cents }).strict(),
]);

export const tariffSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens'),
    version: z.number().int().positive(),
    name: z.string().min(1).max(200),
    /** ISO 4217, upper case. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR').default('EUR'),
    uses: z.array(z.enum(LICENCE_USES)).min(1),
    validFrom: z.iso.datetime(),
    model,
  })
  .strict();

export type Tariff = z.infer<typeof tariffSchema>;
export type TariffModel = Tariff['model'];

/**
 * A tariff read from untrusted JSON, or LICENSING_BAD_TARIFF naming the source and every bad field.
 *
 * @example
 * parseTariff(JSON.parse(text), 'tariffs/genai-2026.json');
 */
export function parseTariff(value: unknown, source: string): Tariff {
  return parseWith(tariffSchema, value, source, 'LICENSING_BAD_TARIFF');
}

/** One line of a usage report, once validated: a recording, the uses made of it, and how much. */
export interface UsageLine {
  /** The line's place in the report (for errors and statements). */
  line: number;
  recording: string;
  uses: readonly LicenceUse[];
  /** Units of use (items in a training set, inferences...); default 1. */
  units: number;
  /** Seconds of audio used (per-hour tariffs). */
  seconds: number;
}

export interface PeriodUsage {
  currency: string;
  lines: readonly UsageLine[];
  /** The licensee's revenue for the period, for revenue-share tariffs. */
  revenueCents?: number;
}

export interface PricedLine {
  line: number;
  recording: string;
  cents: number;
}

export interface Priced {
  tariff: { id: string; version: number };
  currency: string;
  totalCents: number;
  lines: PricedLine[];
}

/** `num / den` rounded half up, for non-negative BigInts. */
function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

/**
 * What the usage of one period costs under `tariff`, line by line. The report's currency must be the
 * tariff's (LICENSING_CURRENCY_MISMATCH); a revenue-share tariff needs `revenueCents`.
 */
export function priceUsage(tariff: Tariff, usage: PeriodUsage): Priced {
  if (usage.currency !== tariff.currency) {
    throw new LicensingError('LICENSING_CURRENCY_MISMATCH', `the usage is in ${usage.currency}, tariff ${tariff.id} v${tariff.version} in ${tariff.currency}`, {
      details: { usage: usage.currency, tariff: tariff.currency },
    });
  }
  const m = tariff.model;
  const lines = usage.lines;
  const byUnits = () => lines.map((l) => BigInt(l.units));
  let amounts: number[];
  // What is owed even for a period with no line in scope: a flat fee, a minimum guarantee.
  let owedAnyway = 0;
  switch (m.kind) {
    case 'per-recording-use': {
      amounts = lines.map((l) => m.centsPerRecordingPerUse * l.uses.length);
      break;
    }
    case 'flat': {
      amounts = lines.length === 0 ? [] : allocate(m.amountCents, byUnits());
      if (lines.length === 0) owedAnyway = m.amountCents;
      break;
    }
    case 'revenue-share': {
      if (usage.revenueCents === undefined) {
        throw new LicensingError('LICENSING_BAD_USAGE', `tariff ${tariff.id} v${tariff.version} is a revenue share: the report must state the period's revenue`, { details: { field: 'revenueCents' } });
      }
      const share = roundHalfUp(BigInt(assertCents(usage.revenueCents, 'revenueCents')) * BigInt(m.basisPoints), 10_000n);
      const total = share > BigInt(m.minimumCents) ? share : BigInt(m.minimumCents);
      amounts = lines.length === 0 ? [] : allocate(Number(total), byUnits());
      if (lines.length === 0) owedAnyway = Number(total);
      break;
    }
    case 'per-hour': {
      const seconds = lines.reduce((a, l) => a + BigInt(l.seconds), 0n);
      const total = Number(roundHalfUp(seconds * BigInt(m.centsPerHour), 3600n));
      amounts = lines.length === 0 || seconds === 0n ? lines.map(() => 0) : allocate(total, lines.map((l) => BigInt(l.seconds)));
      break;
    }
  }
  const priced = lines.map((l, i) => ({ line: l.line, recording: l.recording, cents: amounts[i]! }));
  const totalCents = priced.reduce((a, p) => a + p.cents, 0);
  if (!Number.isSafeInteger(totalCents)) throw new LicensingError('LICENSING_BAD_AMOUNT', 'the priced usage exceeds what can be totalled exactly');
  return { tariff: { id: tariff.id, version: tariff.version }, currency: tariff.currency, totalCents: totalCents + owedAnyway, lines: priced };
}
