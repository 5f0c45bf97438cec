/**
 * Fingerprint identification: enrolment of reserved recordings (a file, or a CSV of `isrc,path`), and
 * `identify`: candidates from the inverted index by offset voting, each verified by `compare` at the
 * voted offsets, kept when it passes the thresholds. Enrolment writes the fingerprint, its postings
 * and a `fingerprint.enrolled` log entry in one transaction.
 *
 * @example
 * const fp = new FingerprintService({ store, source: new FpcalcSource() });
 * await fp.enrollFile({ isrc: 'FRZ032500001', path: 'masters/je-veux.flac' });
 * const { raw } = await new FpcalcSource().fingerprintFile('clip.mp3', { maxSeconds: 0 });
 * (await fp.identify(raw))[0]?.isrc; // 'FRZ032500001'
 */
import { readFileSync } from 'node:fs';
import { parseIsrc } from '../../registry/identifiers.js';
import { compare } from './compare.js';
import { parseEnrolCsv, type EnrolLineProblem } from './enrol-csv.js';
import { FingerprintError } from './errors.js';
import { queryKeys, referencePostings, vote, type VoteOptions } from './index-keys.js';
import { enrolledEntry } from './log-entries.js';
import { DEFAULT_THRESHOLDS, isMatch, type IdentifyMatch, type Thresholds } from './model.js';
import { rawSha256 } from './raw-codec.js';
import type { FingerprintSource } from './source.js';
import type { FingerprintStore, RecordingRef } from './store.js';

export interface EnrolResult {
  recordingId: string;
  isrc: string | null;
  items: number;
  durationSeconds: number;
  replaced: boolean;
  rawSha256: string;
}

export type EnrolLineOutcome =
  | ({ line: number; path: string; ok: true } & EnrolResult)
  | { line: number; path: string | null; ok: false; error: { code: string; field: string; reason: string } };

export interface IdentifyOptions extends VoteOptions {
  thresholds?: Partial<Thresholds>;
}

/** Fewest items a fingerprint needs to be enrolled or looked up (about 2 s). */
const MIN_ITEMS = 16;

export class FingerprintService {
  readonly #store: FingerprintStore;
  readonly #source: FingerprintSource;
  readonly #now: () => Date;

  constructor(deps: { store: FingerprintStore; source: FingerprintSource; now?: () => Date }) {
    this.#store = deps.store;
    this.#source = deps.source;
    this.#now = deps.now ?? (() => new Date());
  }

  /** The registry recording an enrolment names, by ISRC or id; FINGERPRINT_NOT_FOUND when there is none. */
  async recording(by: { isrc: string } | { recordingId: string }): Promise<RecordingRef> {
    if ('isrc' in by) {
      const p = parseIsrc(by.isrc);
      if (!p.ok)
        throw new FingerprintError(
          'FINGERPRINT_BAD_INPUT',
          `not a valid ISRC ${JSON.stringify(by.isrc)}: ${p.reason}`,
          { details: { field: 'isrc' } },
        );
      const r = await this.#store.findRecording({ isrc: p.value });
      if (r === null)
        throw new FingerprintError(
          'FINGERPRINT_NOT_FOUND',
          `no recording with ISRC ${p.value} in the registry`,
          { details: { isrc: p.value } },
        );
      return r;
    }
    const r = await this.#store.findRecording({ id: by.recordingId });
    if (r === null)
      throw new FingerprintError(
        'FINGERPRINT_NOT_FOUND',
        `no recording with id ${by.recordingId} in the registry`,
        { details: { recordingId: by.recordingId } },
      );
    return r;
  }

  /** Fingerprints a file at full length and enrols it for the recording. */
  async enrollFile(
    by: ({ isrc: string } | { recordingId: string }) & { path: string; signal?: AbortSignal },
  ): Promise<EnrolResult> {
    const recording = await this.recording(by);
    const fp = await this.#source.fingerprintFile(by.path, {
      maxSeconds: 0,
      ...(by.signal ? { signal: by.signal } : {}),
    });
    return this.enrollRaw(recording, fp.raw, fp.duration, by.path);
  }

  /** Enrols a raw fingerprint (replacing the recording's earlier one) with its log entry, in one transaction. */
  async enrollRaw(
    recording: RecordingRef,
    raw: Uint32Array,
    durationSeconds: number,
    source: string | null = null,
  ): Promise<EnrolResult> {
    if (raw.length < MIN_ITEMS)
      throw new FingerprintError(
        'FINGERPRINT_BAD_AUDIO',
        `the fingerprint has ${raw.length} items; at least ${MIN_ITEMS} (about 2 s of audio) are needed`,
        { details: { file: source } },
      );
    const at = this.#now().toISOString();
    const postings = referencePostings(raw);
    return this.#store.transaction(async (store) => {
      const replaced = (await store.fingerprintOf(recording.id)) !== null;
      // The log entry goes first: its append takes the log head's lock, which orders concurrent enrolments.
      await store.appendLog([
        enrolledEntry({
          recordingId: recording.id,
          isrc: recording.isrc,
          raw,
          durationSeconds,
          replaced,
          at,
        }),
      ]);
      await store.putFingerprint({
        recordingId: recording.id,
        raw,
        postings,
        durationMs: Math.round(durationSeconds * 1000),
        source,
        enrolledAt: at,
      });
      return {
        recordingId: recording.id,
        isrc: recording.isrc,
        items: raw.length,
        durationSeconds,
        replaced,
        rawSha256: rawSha256(raw),
      };
    });
  }

  /**
   * Enrols every line of a CSV of `isrc,path`. Each line is an outcome: a bad line, an unknown ISRC or an
   * unreadable file is reported with its line number and the rest goes on.
   */
  async enrollCsv(
    file: string,
    options: { onLine?: (o: EnrolLineOutcome) => void; signal?: AbortSignal } = {},
  ): Promise<EnrolLineOutcome[]> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new FingerprintError('FINGERPRINT_BAD_FILE', `cannot read ${file}: ${(e as Error).message}`, {
        cause: e,
        details: { file },
      });
    }
    const { rows, problems } = parseEnrolCsv(text);
    const out: EnrolLineOutcome[] = problems.map((p: EnrolLineProblem) => ({
      line: p.line,
      path: null,
      ok: false as const,
      error: { code: 'FINGERPRINT_BAD_CSV', field: p.field, reason: `${file} line ${p.line}: ${p.reason}` },
    }));
    for (const o of out) options.onLine?.(o);
    for (const row of rows) {
      options.signal?.throwIfAborted();
      let o: EnrolLineOutcome;
      try {
        o = {
          line: row.line,
          path: row.path,
          ok: true,
          ...(await this.enrollFile({
            isrc: row.isrc,
            path: row.path,
            ...(options.signal ? { signal: options.signal } : {}),
          })),
        };
      } catch (e) {
        if (!(e instanceof FingerprintError)) throw e;
        o = {
          line: row.line,
          path: row.path,
          ok: false,
          error: {
            code: e.code,
            field: e.code === 'FINGERPRINT_NOT_FOUND' ? 'isrc' : 'path',
            reason: `${file} line ${row.line}: ${e.message}`,
          },
        };
      }
      out.push(o);
      options.onLine?.(o);
    }
    return out.sort((a, b) => a.line - b.line);
  }

  /** The enrolled recordings a fingerprint matches, best first (an empty list when none passes). */
  async identify(raw: Uint32Array, options: IdentifyOptions = {}): Promise<IdentifyMatch[]> {
    if (raw.length < MIN_ITEMS) return [];
    const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    const keys = queryKeys(raw);
    const hits = await this.#store.lookup([...keys.keys()]);
    const candidates = vote(keys, hits, options);
    const stored = new Map(
      (await this.#store.fingerprints(candidates.map((c) => c.fp))).map((f) => [f.fp, f]),
    );
    const out: IdentifyMatch[] = [];
    for (const c of candidates) {
      const f = stored.get(c.fp);
      if (f === undefined) continue; // replaced between the two reads
      const a = compare(raw, f.raw, { offsets: c.offsets });
      if (!isMatch(a, thresholds) || a.matched === null) continue;
      out.push({
        recordingId: f.recording.id,
        isrc: f.recording.isrc,
        title: f.recording.title,
        artist: f.recording.artist,
        votes: c.votes,
        offset: a.offset,
        offsetSeconds: a.offsetSeconds,
        score: Math.round(a.score * 1e4) / 1e4,
        ber: Math.round(a.matched.ber * 1e4) / 1e4,
        query: a.matched.query,
        reference: a.matched.reference,
      });
    }
    return out.sort((a, b) => a.ber - b.ber || b.votes - a.votes);
  }

  count(): Promise<{ fingerprints: number; postings: number }> {
    return this.#store.count();
  }
}
