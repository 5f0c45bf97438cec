/**
 * A scanned file's registry verdict (pure), as the checker gives one for a file's ISRC: each recording
 * the fingerprint matched is looked up, its answer becomes `registry-coverage` evidence (media-evidence.ts),
 * and the checker's combination rule decides per use. The match itself is listed as `fingerprint-match`
 * evidence (silent: it identifies, the registry decides). No match is `not-covered`; unreadable audio
 * is `unknown`, never allowed.
 */
import { registryEvidence } from '../../checker/media-evidence.js';
import type { ManifestSummary } from '../../checker/manifest-summary.js';
import { SummaryBuilder } from '../../checker/manifest-summary.js';
import type { RowOutcome, RowStatus } from '../../checker/manifest-model.js';
import {
  CHECK_USES,
  decideItem,
  type CallerLicences,
  type CheckUse,
  type Evidence,
  type PrecedenceRule,
  type VerdictStatus,
} from '../../checker/model.js';
import type { RecordingAnswer } from '../../registry/status-lookup-model.js';
import type { IdentifyMatch } from './model.js';

export interface ScanOutcome {
  path: string;
  ok: boolean;
  /** Seconds, as the container states it; null when the file could not be fingerprinted. */
  duration: number | null;
  matches: IdentifyMatch[];
  verdict: { reserved: boolean; uses: Record<CheckUse, { status: VerdictStatus; rule: PrecedenceRule }> };
  evidence: Evidence[];
  error?: { code: string; reason: string };
}

/** A matched recording with the registry's answer about it (or why there is none). */
export interface LookedUp {
  match: IdentifyMatch;
  answer: RecordingAnswer | { error: string };
}

export function matchEvidence(path: string, m: IdentifyMatch): Evidence {
  return {
    signal: 'fingerprint',
    source: `${path} matched ${m.isrc !== null ? `ISRC ${m.isrc}` : `recording ${m.recordingId}`} in the fingerprint index`,
    raw: `BER ${m.ber}, score ${m.score}, query ${m.query.start}-${m.query.end} s = reference ${m.reference.start}-${m.reference.end} s`,
    says: 'silent',
    uses: CHECK_USES,
    rule: 'fingerprint-match',
  };
}

export function scanOutcome(
  path: string,
  duration: number,
  found: readonly LookedUp[],
  registry: string,
  options: CallerLicences & { registryLicence?: string } = {},
): ScanOutcome {
  const evidence: Evidence[] = [];
  if (found.length === 0) {
    evidence.push({
      signal: 'fingerprint',
      source: `${path} (fingerprint index)`,
      raw: '',
      says: 'silent',
      uses: CHECK_USES,
      rule: 'fingerprint-match',
      reason: 'no enrolled recording matches the audio',
    });
  }
  for (const { match, answer } of found) {
    evidence.push(matchEvidence(path, match));
    if ('error' in answer) {
      evidence.push({
        signal: 'registry',
        source: `recording ${match.recordingId} in the registry ${registry}`,
        raw: '',
        says: 'unreadable',
        uses: CHECK_USES,
        rule: 'registry-coverage',
        reason: answer.error,
      });
    } else {
      evidence.push(...registryEvidence(answer.query, registry, answer, options.registryLicence));
    }
  }
  const v = decideItem(path, evidence, options);
  const uses = Object.fromEntries(
    CHECK_USES.map((u) => [u, { status: v.uses[u].status, rule: v.uses[u].rule }]),
  ) as ScanOutcome['verdict']['uses'];
  return {
    path,
    ok: true,
    duration,
    matches: found.map((f) => f.match),
    verdict: { reserved: CHECK_USES.some((u) => uses[u].status === 'reserved'), uses },
    evidence,
  };
}

/** A file that could not be fingerprinted: `unknown` for every use, with the reason. */
export function unreadableOutcome(path: string, code: string, reason: string): ScanOutcome {
  const evidence: Evidence[] = [
    {
      signal: 'media-file',
      source: `${path} (audio)`,
      raw: '',
      says: 'unreadable',
      uses: CHECK_USES,
      rule: 'unreadable-source-blocks-allow',
      reason,
    },
  ];
  const v = decideItem(path, evidence);
  const uses = Object.fromEntries(
    CHECK_USES.map((u) => [u, { status: v.uses[u].status, rule: v.uses[u].rule }]),
  ) as ScanOutcome['verdict']['uses'];
  return {
    path,
    ok: false,
    duration: null,
    matches: [],
    verdict: { reserved: false, uses },
    evidence,
    error: { code, reason },
  };
}

const rowStatus = (s: VerdictStatus): RowStatus => (s === 'allowed' ? 'not-covered' : s);

/** The outcome as a manifest row, so the checker's summary and HTML report serve scans too. */
export function asRow(o: ScanOutcome, line: number): RowOutcome {
  const top = o.matches[0];
  return {
    line,
    method: !o.ok ? 'error' : top !== undefined ? 'fingerprint' : 'none',
    score: top?.score ?? (o.ok ? 0 : null),
    isrc: top?.isrc ?? null,
    uses: o.ok
      ? (Object.fromEntries(
          CHECK_USES.map((u) => [u, rowStatus(o.verdict.uses[u].status)]),
        ) as RowOutcome['uses'])
      : null,
    reserved: o.verdict.reserved,
    input: { path: o.path, ...(top !== undefined && top.artist !== '' ? { artist: top.artist } : {}) },
    evidence: { source: 'fingerprint-index' },
    ...(o.error !== undefined ? { error: { field: 'path', reason: o.error.reason } } : {}),
  };
}

export function summarise(outcomes: Iterable<ScanOutcome>): ManifestSummary {
  const b = new SummaryBuilder();
  let line = 0;
  for (const o of outcomes) b.add(asRow(o, ++line));
  return b.summary();
}
