/**
 * How long an answer about a recording stays true as the clock moves on, the registry unchanged.
 *
 * Coverage at an instant T compares T with the instants of the facts it is computed from (a mandate's
 * validity, withdrawal and recording; a declaration's effect, withdrawal and creation), never with
 * anything else. So an answer worked out at T0 is the answer at every T from T0 up to, not including,
 * the first of those instants after T0: nothing can change sides in between. That instant is the
 * horizon; an answer cache may hand the answer out again, with the new T, until then.
 */
import type { DeclarationFacts, PerformerFacts } from './evidence.js';

// Coverage compares instants as strings (model.ts `inForce`), which orders them as time only when all
// are in this one form, the one the registry stores; any other spelling makes the answer not reusable.
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The first instant (epoch milliseconds) after `atMs` at which a fact of `performers` or `declarations`
 * takes or loses effect; Infinity when none lies ahead. An instant not in canonical form
 * (`2026-01-31T00:00:00.000Z`) makes the horizon `atMs` itself: such an answer is never reused.
 *
 * @example
 * answerHorizon(Date.parse('2026-01-01T00:00:00.000Z'), performers, declarations);
 * // Date.parse('2026-06-30T00:00:00.000Z') if a mandate of the line-up ends then and nothing sooner
 */
export function answerHorizon(atMs: number, performers: readonly PerformerFacts[], declarations: readonly DeclarationFacts[]): number {
  let horizon = Number.POSITIVE_INFINITY;
  const consider = (instant: string | null): void => {
    if (instant === null) return;
    const t = CANONICAL_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
    if (Number.isNaN(t)) horizon = Math.min(horizon, atMs);
    else if (t > atMs && t < horizon) horizon = t;
  };
  for (const p of performers) {
    for (const m of p.mandates) {
      consider(m.validFrom);
      consider(m.validTo);
      consider(m.withdrawnAt);
      consider(m.recordedAt);
    }
  }
  for (const d of declarations) {
    consider(d.declaration.effectiveFrom);
    consider(d.declaration.withdrawnAt);
    consider(d.declaration.createdAt);
  }
  return horizon;
}
