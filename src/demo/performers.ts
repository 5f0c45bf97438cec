/**
 * Demo performers: each is a pure function of (seed, index), so line-ups can name any performer by index and
 * re-derive its key and credit without a table in memory. Members hold a member number (and mandates);
 * non-members appear in line-ups only, identified by ISNI or IPN.
 */
import { ipiOf, ipnOf, isniOf } from './id-space.js';
import { personName, withoutAccents } from './names.js';
import { stageName } from './artist-names.js';
import { NON_MEMBER_SHARE, type DemoContext, type PerformerKey } from './plan.js';
import { STREAM } from './rng.js';

export interface DemoPerformer {
  index: number;
  displayName: string;
  sortName: string;
  aliases: string[];
  memberNo: string | null;
  isni: string | null;
  ipn: string | null;
  ipi: string | null;
  member: boolean;
  credit: string;
}

export function memberNoOf(performer: number): string {
  return `SPD${String(performer + 1).padStart(7, '0')}`;
}

export function performerAt(ctx: DemoContext, p: number): DemoPerformer {
  const rng = ctx.rng.performer.reseed(STREAM.performer, p);
  // Identifier draws come first, so that keyAt can stop after them.
  const member = rng.float() >= NON_MEMBER_SHARE;
  const isni = rng.chance(0.7) ? isniOf(ctx.keys, p) : null;
  // A non-member has no member number, so it needs an ISNI or an IPN to be found again.
  const ipn = rng.chance(0.8) || (!member && isni === null) ? ipnOf(ctx.keys, p) : null;
  const ipi = rng.chance(0.15) ? ipiOf(ctx.keys, p) : null;
  const name = personName(rng);
  const aliases: string[] = [];
  const stage = rng.chance(0.18) ? stageName(rng, name.given) : null;
  if (stage !== null) aliases.push(stage);
  if (rng.chance(0.3)) {
    const plain = withoutAccents(name.display);
    if (plain !== name.display) aliases.push(plain);
  }
  return {
    index: p,
    displayName: name.display,
    sortName: name.sort,
    aliases,
    memberNo: member ? memberNoOf(p) : null,
    isni,
    ipn,
    ipi,
    member,
    credit: stage ?? name.display,
  };
}

/**
 * The key a file uses to point at performer `p`, in the import's natural key order (ISNI, IPN, member number):
 * the first draws of `performerAt`, without the names.
 */
export function keyAt(ctx: DemoContext, p: number): PerformerKey {
  const rng = ctx.rng.performer.reseed(STREAM.performer, p);
  const member = rng.float() >= NON_MEMBER_SHARE;
  if (rng.chance(0.7)) return { column: 'performer_isni', value: isniOf(ctx.keys, p) };
  if (rng.chance(0.8) || !member) return { column: 'performer_ipn', value: ipnOf(ctx.keys, p) };
  return { column: 'performer_member_no', value: memberNoOf(p) };
}
