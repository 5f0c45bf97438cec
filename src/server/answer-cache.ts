/**
 * The bytes of answers to the default question (`GET /v1/recordings/{ISRC}`, no query), kept for as
 * long as they hold: while the registry's version is the one they were worked out against and the
 * clock is before their horizon (registry/answer-horizon.ts). A hit is the kept bytes with the instant
 * of the request written over the one they were made at, so it is byte for byte the answer a lookup
 * would give at that instant (test/integration/http-answer-cache.test.ts).
 *
 * Why: the lookup (recording, line-up, performer facts, the verdict per use and its reasons) and its
 * JSON cost several times what sending the answer does; a service answers the same recordings again
 * and again between two changes of the registry (BENCHMARKS.md, HTTP lookups).
 *
 * Bounded in bytes; when full, the answer kept longest ago goes first. A new registry version empties
 * it at once (kept.ts).
 */
import { Kept } from './kept.js';
import type { HeldAnswer } from '../registry/status-lookup-reader.js';
import type { RecordingAnswer } from '../registry/status-lookup.js';
import { recordingStatusBytes } from './status-json.js';

/** `"at":"` in the answer's bytes: the answers begin `{"query":…,"identifier":…,"at":"`, and ISRCs hold no quotes. */
const AT_FIELD = Buffer.from('"at":"');
/** Length of an instant as `Date.prototype.toISOString` writes it for years 0 to 9999. */
const INSTANT_LENGTH = 24;

interface Answer {
  bytes: Buffer;
  /** Offset of the instant inside `bytes`. */
  at: number;
}

export class AnswerCache {
  readonly #kept: Kept<Answer>;
  #lastMs = Number.NaN;
  #lastInstant = '';

  /** @param maxBytes room for answers (0 keeps none). */
  constructor(maxBytes: number) {
    this.#kept = new Kept(maxBytes);
  }

  /** Answers kept, and their bytes. */
  get stats(): { answers: number; bytes: number } {
    const { values, bytes } = this.#kept.stats;
    return { answers: values, bytes };
  }

  /**
   * The answer about `isrc` at `nowMs` for registry `version`, or null: never kept, kept for another
   * version, or past its horizon.
   */
  get(isrc: string, version: number, nowMs: number): Buffer | null {
    const kept = this.#kept.get(isrc, version, nowMs);
    if (kept === null) return null;
    const instant = this.#instant(nowMs);
    if (instant.length !== INSTANT_LENGTH) return null;
    // A copy: the bytes handed to a socket may still be queued when the next hit writes its instant.
    const out = Buffer.allocUnsafe(kept.bytes.length);
    kept.bytes.copy(out);
    out.write(instant, kept.at, INSTANT_LENGTH, 'latin1');
    return out;
  }

  /** Keeps `bytes`, the answer about `isrc` made at instant `at` (ISO), valid for `version` until `until`. */
  set(isrc: string, version: number, until: number, at: string, bytes: Buffer): void {
    if (at.length !== INSTANT_LENGTH || until <= Date.parse(at)) return;
    const offset = bytes.indexOf(AT_FIELD);
    if (offset < 0 || bytes.toString('latin1', offset + AT_FIELD.length, offset + AT_FIELD.length + INSTANT_LENGTH) !== at) return;
    this.#kept.set(isrc, version, until, { bytes, at: offset + AT_FIELD.length }, bytes.length);
  }

  /** The ISO form of `ms`, made once per millisecond. */
  #instant(ms: number): string {
    if (ms !== this.#lastMs) {
      this.#lastMs = ms;
      this.#lastInstant = new Date(ms).toISOString();
    }
    return this.#lastInstant;
  }
}

/** What `answerBytes` asks of the lookup: `ReaderStatusLookup` (registry/status-lookup-reader.ts). */
export interface HoldingLookup {
  status(isrc: string): RecordingAnswer;
  statusHolding(isrc: string): HeldAnswer;
  version(): number;
  clock(): Date;
}

/**
 * The bytes of the answer about a canonical ISRC to the default question, from `cache` while they
 * hold, else looked up (and kept). Without a cache (null), every answer is looked up.
 */
export function answerBytes(lookup: HoldingLookup, cache: AnswerCache | null): (isrc: string) => Buffer {
  if (cache === null) return (isrc) => recordingStatusBytes(lookup.status(isrc));
  return (isrc) => {
    const hit = cache.get(isrc, lookup.version(), lookup.clock().getTime());
    if (hit !== null) return hit;
    const held = lookup.statusHolding(isrc);
    const bytes = recordingStatusBytes(held.answer);
    cache.set(isrc, held.version, held.until, held.answer.at, bytes);
    return bytes;
  };
}
