/**
 * The evidence of the compact answers (compact.ts): declarations, mandate versions and performers,
 * each stated once per answer or per batch under a short key, and the per-entity facts the rule reads,
 * which the snapshot reader caches per performer and per declaration.
 */
import {
  QUERY_USES,
  usesCover,
  type Declaration,
  type MandateVersion,
  type Medium,
  type Performer,
  type Territory,
  type Use,
} from './model.js';

/** A declaration as evidence (under a key such as `d1`). */
export interface DeclarationEvidence {
  id: string;
  issuer: string;
  legalBasis: string;
  uses: readonly Use[];
  media: readonly Medium[];
  territories: readonly Territory[];
  effectiveFrom: string;
  withdrawnAt: string | null;
}
/** The version of a mandate that applies (under a key such as `m1`); `performer` is a performer key. */
export interface MandateEvidence {
  /** The mandate id. */
  id: string;
  version: number;
  performer: string;
  legalBasis: string;
  uses: readonly Use[];
  media: readonly Medium[];
  territories: readonly Territory[];
  validFrom: string;
  validTo: string | null;
  withdrawnAt: string | null;
}
/** A performer as evidence (under a key such as `p1`). */
export interface PerformerEvidence {
  id: string;
  name: string;
  isni: string | null;
}
/**
 * Everything the reasons of one answer (or of one batch) refer to, under keys local to it: `d1`,
 * `m1`, `p1`... in the order reasons first name them. Short keys rather than the ids themselves: a
 * reason names its evidence in every use it appears in, and ids are 36 characters. This is the form
 * of the JSON answers; `EvidenceLists` is the same, as the lookups build it.
 */
export interface Evidence {
  declarations: Record<string, DeclarationEvidence>;
  mandates: Record<string, MandateEvidence>;
  performers: Record<string, PerformerEvidence>;
}

/**
 * The evidence in key order: the entry at index i has the key `d<i+1>`, `m<i+1>` or `p<i+1>`. Lists,
 * because a batch names thousands of entries and objects with thousands of keys are slow to build.
 */
export interface EvidenceLists {
  declarations: DeclarationEvidence[];
  mandates: MandateEvidence[];
  performers: PerformerEvidence[];
}

/** The keyed form of the answers. */
export function evidenceRecords(lists: EvidenceLists): Evidence {
  const keyed = <T>(prefix: string, xs: readonly T[]): Record<string, T> =>
    Object.fromEntries(xs.map((x, i) => [`${prefix}${i + 1}`, x]));
  return {
    declarations: keyed('d', lists.declarations),
    mandates: keyed('m', lists.mandates),
    performers: keyed('p', lists.performers),
  };
}

/** What the rule needs of a declaration, with its evidence, made once per declaration. */
export interface DeclarationFacts {
  declaration: Declaration;
  evidence: DeclarationEvidence;
  /** Bit i set when the declaration's uses cover `QUERY_USES[i]`. */
  covers: number;
}
/** A performer of a line-up: their evidence and the current version of each of their mandates. */
export interface PerformerFacts {
  id: string;
  evidence: PerformerEvidence;
  /** The newest version of each mandate, in the order the mandates were first recorded. */
  mandates: readonly MandateVersion[];
  /** For each of `mandates`, bit i set when its uses cover `QUERY_USES[i]`. */
  covers: readonly number[];
}

/** Bit i set when `uses` cover `QUERY_USES[i]`. */
export function coverBits(uses: readonly Use[]): number {
  let bits = 0;
  QUERY_USES.forEach((u, i) => {
    if (usesCover(uses, u)) bits |= 1 << i;
  });
  return bits;
}

/**
 * Gathers the evidence of one answer or one batch and gives each piece its key. Keys follow the
 * entity's id, so a performer named by many items of a batch is stated once.
 */
export class EvidenceCollector {
  readonly lists: EvidenceLists = { declarations: [], mandates: [], performers: [] };
  private readonly declarationKeys = new Map<string, string>();
  private readonly mandateKeys = new Map<string, string>();
  private readonly performerKeys = new Map<string, string>();

  declaration(f: DeclarationFacts): string {
    return keyOf(this.declarationKeys, this.lists.declarations, 'd', f.evidence);
  }

  /** `p.evidence.id` is `p.id` (performerFacts). */
  performer(p: PerformerFacts): string {
    return keyOf(this.performerKeys, this.lists.performers, 'p', p.evidence);
  }

  mandate(p: PerformerFacts, m: MandateVersion): string {
    let key = this.mandateKeys.get(m.mandateId);
    if (key === undefined) {
      key = `m${this.lists.mandates.push({
        id: m.mandateId,
        version: m.version,
        performer: this.performer(p),
        legalBasis: m.legalBasis,
        uses: m.uses,
        media: m.media,
        territories: m.territories,
        validFrom: m.validFrom,
        validTo: m.validTo,
        withdrawnAt: m.withdrawnAt,
      })}`;
      this.mandateKeys.set(m.mandateId, key);
    }
    return key;
  }
}

/** The key of `e` in `keys`, given the next one (`prefix` and its place in `list`) when it is new. */
function keyOf<T extends { id: string }>(keys: Map<string, string>, list: T[], prefix: string, e: T): string {
  let key = keys.get(e.id);
  if (key === undefined) {
    key = `${prefix}${list.push(e)}`;
    keys.set(e.id, key);
  }
  return key;
}

export function declarationFacts(d: Declaration): DeclarationFacts {
  return {
    declaration: d,
    evidence: {
      id: d.id,
      issuer: d.issuer,
      legalBasis: d.legalBasis,
      uses: d.uses,
      media: d.media,
      territories: d.territories,
      effectiveFrom: d.effectiveFrom,
      withdrawnAt: d.withdrawnAt,
    },
    covers: coverBits(d.uses),
  };
}

/**
 * A performer's facts from their row (null when the line-up names an id the registry lacks: the
 * verbose answer then names them by id) and every version of their mandates, in the store's order.
 */
export function performerFacts(
  id: string,
  performer: Performer | null,
  versions: readonly MandateVersion[],
): PerformerFacts {
  // As `currentVersions` (coverage.ts) without `knownAt`: the newest version of each mandate.
  const best = new Map<string, MandateVersion>();
  for (const v of versions) {
    const prev = best.get(v.mandateId);
    if (prev === undefined || v.version > prev.version) best.set(v.mandateId, v);
  }
  const mandates = [...best.values()];
  return {
    id,
    evidence: { id, name: performer?.displayName ?? id, isni: performer?.isni ?? null },
    mandates,
    covers: mandates.map((m) => coverBits(m.uses)),
  };
}
