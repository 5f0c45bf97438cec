/**
 * Distribution of what was collected for each recording to the performers of its line-up (pure).
 *
 * The rule: the recording's amount is split between the featured and the non-featured performers by the
 * class weights (a class absent from the line-up leaves its part to the other), equally within a class
 * unless roles carry weights, with largest-remainder rounding (allocate.ts). A performer the collective
 * cannot pay (not a member, not in the registry) keeps their computed share, which is held in suspense with
 * the reason, never handed to the others; a recording that matched nothing, or has no line-up, goes to
 * suspense whole. Hence the invariant the tests check on random data: the shares plus the suspense equal
 * what was collected, to the cent, recording by recording.
 */
import { allocate, assertCents, integerWeights } from './allocate.js';
import { LicensingError } from './errors.js';

/** Why money is held instead of paid. */
export const SUSPENSE_REASONS = ['recording-unmatched', 'no-lineup', 'performer-unknown', 'performer-not-member', 'no-payable-class', 'fee-without-usage'] as const;
export type SuspenseReason = (typeof SUSPENSE_REASONS)[number];

export interface DistributionRules {
  /** Weight of the featured performers' part where both classes are on the line-up (whole number, e.g. 65). */
  featured: number;
  /** Weight of the non-featured performers' part (e.g. 35). */
  nonFeatured: number;
  /** Weight of a role within its class (whole numbers); roles not listed weigh `defaultRoleWeight`. */
  roleWeights?: Readonly<Record<string, number>>;
  /** Default 1. */
  defaultRoleWeight?: number;
}

export interface PayableEntry {
  performerId: string;
  role: string;
  featured: boolean;
  /** Null when the collective pays this performer; otherwise why their share is held. */
  held: Exclude<SuspenseReason, 'recording-unmatched' | 'no-lineup' | 'no-payable-class' | 'fee-without-usage'> | null;
}

/**
 * A line-up as distribution pays it: a performer the registry holds as a member is paid; a non-member, or a
 * performer the registry does not hold (`member` null), keeps a share that is held with the reason.
 */
export function payableLineup(lineup: readonly { performerId: string; role: string; featured: boolean; member: boolean | null }[]): PayableEntry[] {
  return lineup.map((e) => ({
    performerId: e.performerId,
    role: e.role,
    featured: e.featured,
    held: e.member === null ? 'performer-unknown' : e.member ? null : 'performer-not-member',
  }));
}

export interface RecordingAmount {
  /** What the amount is for: an ISRC, or the usage line when nothing matched. */
  recording: string;
  amountCents: number;
  /** The line-up; null when the usage matched no recording of the registry. */
  lineup: readonly PayableEntry[] | null;
  /** With no line-up: why it is held (default `recording-unmatched`), e.g. a flat fee owed for a period without usage. */
  heldAs?: 'recording-unmatched' | 'fee-without-usage';
}

export interface Share {
  recording: string;
  performerId: string;
  role: string;
  featured: boolean;
  cents: number;
}

export interface Held {
  recording: string;
  performerId: string | null;
  reason: SuspenseReason;
  cents: number;
}

export interface Distribution {
  collectedCents: number;
  distributedCents: number;
  suspenseCents: number;
  shares: Share[];
  suspense: Held[];
}

/** Checks the rules once (a rule file is input like any other). */
export function checkRules(rules: DistributionRules): Required<DistributionRules> {
  const [featured, nonFeatured, defaultRoleWeight] = integerWeights([rules.featured, rules.nonFeatured, rules.defaultRoleWeight ?? 1], 'class and default role weights');
  const roleWeights = rules.roleWeights ?? {};
  integerWeights(Object.values(roleWeights), 'role weights');
  if (featured === 0n && nonFeatured === 0n) throw new LicensingError('LICENSING_BAD_WEIGHTS', 'featured and non-featured weights cannot both be zero');
  return { featured: Number(featured), nonFeatured: Number(nonFeatured), defaultRoleWeight: Number(defaultRoleWeight), roleWeights };
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Integer weights of the line-up entries: class weight × role weight ÷ the role weights of the class,
 * scaled by the product of both classes' sums so that every weight stays an integer (exact).
 */
export function entryWeights(lineup: readonly PayableEntry[], rules: Required<DistributionRules>): bigint[] {
  const role = (e: PayableEntry) => BigInt(rules.roleWeights[e.role] ?? rules.defaultRoleWeight);
  let sumF = 0n;
  let sumN = 0n;
  for (const e of lineup) {
    if (e.featured) sumF += role(e);
    else sumN += role(e);
  }
  const classF = sumF === 0n ? 0n : BigInt(rules.featured);
  const classN = sumN === 0n ? 0n : BigInt(rules.nonFeatured);
  // classF·r/sumF and classN·r/sumN over the common denominator sumF·sumN (1 for an absent class).
  const dF = sumF === 0n ? 1n : sumF;
  const dN = sumN === 0n ? 1n : sumN;
  const weights = lineup.map((e) => (e.featured ? classF * role(e) * dN : classN * role(e) * dF));
  const g = weights.reduce(gcd, 0n);
  return g > 1n ? weights.map((w) => w / g) : weights;
}

/** Distributes each recording's amount (see the file comment). Input order is kept in the output. */
export function distribute(items: Iterable<RecordingAmount>, rules: DistributionRules): Distribution {
  const d = new Distributor(rules);
  for (const item of items) d.add(item);
  return d.result();
}

/**
 * `distribute`, one recording at a time: a run over millions of recordings adds each as its line-up is
 * read and keeps only the shares, never every line-up at once.
 */
export class Distributor {
  private readonly rules: Required<DistributionRules>;
  private readonly out: Distribution = { collectedCents: 0, distributedCents: 0, suspenseCents: 0, shares: [], suspense: [] };

  constructor(rules: DistributionRules) {
    this.rules = checkRules(rules);
  }

  private hold(recording: string, performerId: string | null, reason: SuspenseReason, cents: number): void {
    if (cents === 0) return;
    this.out.suspense.push({ recording, performerId, reason, cents });
    this.out.suspenseCents += cents;
  }

  add(item: RecordingAmount): void {
    const out = this.out;
    const amount = assertCents(item.amountCents, `amount of ${item.recording}`);
    out.collectedCents += amount;
    if (item.lineup === null) return this.hold(item.recording, null, item.heldAs ?? 'recording-unmatched', amount);
    if (item.lineup.length === 0) return this.hold(item.recording, null, 'no-lineup', amount);
    const weights = entryWeights(item.lineup, this.rules);
    if (weights.every((w) => w === 0n)) return this.hold(item.recording, null, 'no-payable-class', amount);
    const parts = allocate(amount, weights);
    item.lineup.forEach((e, i) => {
      const cents = parts[i]!;
      if (e.held !== null) this.hold(item.recording, e.performerId, e.held, cents);
      else if (cents > 0) {
        out.shares.push({ recording: item.recording, performerId: e.performerId, role: e.role, featured: e.featured, cents });
        out.distributedCents += cents;
      }
    });
  }

  result(): Distribution {
    if (!Number.isSafeInteger(this.out.collectedCents)) throw new LicensingError('LICENSING_BAD_AMOUNT', 'the amounts collected exceed what a distribution run can total exactly');
    return this.out;
  }
}

/** Shares summed per performer (a statement's lines), largest first, then by id. */
export function totalsByPerformer(shares: readonly Share[]): { performerId: string; cents: number }[] {
  const sums = new Map<string, number>();
  for (const s of shares) sums.set(s.performerId, (sums.get(s.performerId) ?? 0) + s.cents);
  return [...sums].map(([performerId, cents]) => ({ performerId, cents })).sort((a, b) => b.cents - a.cents || (a.performerId < b.performerId ? -1 : 1));
}
