/**
 * From rows to the compact answer (for stores that hand over `CoverageRows`), and back from the compact
 * answer to the verbose one of `RegistryService.status`, messages included. The way back is what shows
 * that the compact answer loses nothing: `compact-expand.test.ts` checks on random rows that expanding
 * the compact answer gives exactly `answer()`, and the HTTP suites compare expanded bodies with the
 * service's own answers.
 *
 * @example
 * const collector = new EvidenceCollector();
 * const c = compactFromRows('FRZ032500001', rows, declarations.map(declarationFacts), q, collector);
 * expandStatus(c, { at: q.at, territory: null, evidence: evidenceRecords(collector.lists) }); // answer(...) of service.ts
 */
import {
  compactStatus,
  type CompactQuery,
  type CompactReason,
  type CompactStatus,
  type CompactUse,
} from './compact.js';
import {
  evidenceRecords,
  performerFacts,
  type DeclarationFacts,
  type Evidence,
  type EvidenceCollector,
  type MandateEvidence,
  type PerformerFacts,
} from './evidence.js';
import type { Reason, StatusAnswer } from './coverage.js';
import { usesCover, type MandateVersion, type Medium, type QueryUse } from './model.js';
import type { CheckOutcome, RecordingStatus } from './service.js';
import type { CheckAnswer, RecordingAnswer } from './status-lookup-model.js';
import type { CoverageRows } from './store.js';

/** The compact answer from the rows a store gives for one recording (null: not in the registry). */
export function compactFromRows(
  identifier: string | null,
  rows: CoverageRows | null,
  declarations: readonly DeclarationFacts[],
  q: CompactQuery,
  evidence: EvidenceCollector,
): CompactStatus {
  if (rows === null) return compactStatus(identifier, null, [], false, declarations, q, evidence);
  const versions = new Map<string, MandateVersion[]>();
  for (const m of rows.mandates) {
    const list = versions.get(m.performerId);
    if (list === undefined) versions.set(m.performerId, [m]);
    else list.push(m);
  }
  const facts: PerformerFacts[] = [];
  const seen = new Set<string>();
  for (const { performerId: id } of rows.lineup) {
    if (seen.has(id)) continue;
    seen.add(id);
    facts.push(performerFacts(id, rows.performers.find((p) => p.id === id) ?? null, versions.get(id) ?? []));
  }
  return compactStatus(identifier, rows.recording, facts, rows.lineup.length > 0, declarations, q, evidence);
}

/** `RegistryService.status`'s answer, from the compact one (`GET /v1/recordings/{isrc}`). */
export function expandAnswer(a: RecordingAnswer): RecordingStatus {
  return { query: a.query, ...expandStatus(a, { ...a, evidence: evidenceRecords(a.evidence) }) };
}

/** `RegistryService.check`'s outcomes, from a compact batch answer (`POST /v1/check`). */
export function expandCheck(c: CheckAnswer): CheckOutcome[] {
  const context = { ...c, evidence: evidenceRecords(c.evidence) };
  return c.items.map((item) =>
    item.ok ? { input: item.input, ok: true, ...expandStatus(item, context) } : item,
  );
}

/** The verbose answer (`answer()` of service.ts) that a compact one stands for. */
export function expandStatus(
  c: CompactStatus,
  context: { at: string; territory: string | null; evidence: Evidence },
): Omit<RecordingStatus, 'query'> {
  const uses: StatusAnswer[] = [];
  for (const [use, u] of Object.entries(c.uses) as [QueryUse, CompactUse][]) {
    // The same codes and evidence as the named use; the messages still name this use.
    const full = 'sameAs' in u ? c.uses[u.sameAs] : u;
    if (full === undefined || !('reasons' in full))
      throw new Error(`the answer for ${use} names no use answered in full`);
    uses.push({ use, status: u.status, reasons: full.reasons.map((r) => expandReason(r, use, c, context)) });
  }
  const { at, territory } = context;
  return { identifier: c.identifier, at, territory, status: c.status, recording: c.recording, uses };
}

function expandReason(
  r: CompactReason,
  use: QueryUse,
  c: CompactStatus,
  { at, territory, evidence }: { at: string; territory: string | null; evidence: Evidence },
): Reason {
  const medium = c.recording?.kind ?? '';
  const performer = (key: string) => must(evidence.performers[key], 'performer', key);
  switch (r.code) {
    case 'RECORDING_UNKNOWN':
      return { code: r.code, message: 'the recording is not in the registry' };
    case 'NO_LINEUP':
      return { code: r.code, message: 'the line-up of this recording is not known' };
    case 'NO_DECLARATION_IN_FORCE':
      return {
        code: r.code,
        message: `no reservation declaration covers ${use} of ${medium} recordings at ${at}`,
      };
    case 'DECLARATION_IN_FORCE': {
      const d = must(evidence.declarations[r.declaration], 'declaration', r.declaration);
      return {
        code: r.code,
        message: `declaration by ${d.issuer} in force since ${d.effectiveFrom}`,
        declarationId: d.id,
        legalBasis: d.legalBasis,
      };
    }
    case 'NO_MANDATE': {
      const p = performer(r.performer);
      return {
        code: r.code,
        message: `${p.name} holds no mandate`,
        performerId: p.id,
        performerName: p.name,
      };
    }
    default: {
      const m = must(evidence.mandates[r.mandate], 'mandate', r.mandate);
      const p = performer(m.performer);
      const why =
        r.code === 'MANDATE_IN_FORCE'
          ? `${m.legalBasis} mandate in force since ${m.validFrom}`
          : r.code === 'MANDATE_NOT_IN_FORCE'
            ? at < m.validFrom
              ? `mandate starts on ${m.validFrom}`
              : m.withdrawnAt !== null && at >= m.withdrawnAt
                ? `mandate withdrawn on ${m.withdrawnAt}`
                : `mandate ended on ${m.validTo ?? '?'}`
            : outOfScope(m, use, medium, territory);
      return {
        performerId: p.id,
        performerName: p.name,
        mandateId: m.id,
        mandateVersion: m.version,
        legalBasis: m.legalBasis,
        code: r.code,
        message: `${p.name}: ${why}`,
      };
    }
  }
}

/** Which part of the scope fails, in the order coverage.ts tests them. */
function outOfScope(
  m: MandateEvidence,
  use: QueryUse,
  medium: Medium | '',
  territory: string | null,
): string {
  if (!usesCover(m.uses, use)) return `mandate does not cover ${use}`;
  if (medium === '' || !m.media.includes(medium)) return `mandate does not cover ${medium} recordings`;
  return `mandate does not cover territory ${territory ?? ''}`;
}

function must<T>(v: T | undefined, what: string, id: string): T {
  if (v === undefined) throw new Error(`the evidence lacks ${what} ${id}`);
  return v;
}
