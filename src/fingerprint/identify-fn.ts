/**
 * `identify(fp, index)`: the library's one-call identification, for callers that hold a fingerprint and an
 * index of enrolled ones (the registry's store, or a `MemoryFingerprintStore` they filled) and want the
 * matches, without building a FingerprintService (which also enrols files and so needs a decoder).
 */
import { FingerprintError } from './identify/errors.js';
import { FingerprintService, type IdentifyOptions } from './identify/service.js';
import type { IdentifyMatch } from './identify/model.js';
import type { FingerprintSource } from './identify/source.js';
import type { FingerprintStore } from './identify/store.js';

// Identification never decodes audio: a source that says so if it is ever asked.
const NO_DECODER: FingerprintSource = {
  fingerprintFile: () => Promise.reject(new FingerprintError('FINGERPRINT_TOOL_FAILED', 'identify() takes fingerprints, not files')),
};

/**
 * The enrolled recordings `fp` (raw Chromaprint items, any length from a few seconds) matches, best first,
 * each with its score, bit-error rate, matched span and offset; [] when none passes the thresholds.
 *
 * @example
 * const clip = fingerprint(pcm);                       // or (await fingerprintFile('clip.mp3')).raw
 * const [best] = await identify(clip, ctx.stores.fingerprint);
 */
export function identify(fp: Uint32Array, index: FingerprintStore, options: IdentifyOptions = {}): Promise<IdentifyMatch[]> {
  return new FingerprintService({ store: index, source: NO_DECODER }).identify(fp, options);
}
