/** Picks the fingerprint source by name: the configuration's `fingerprinter` or the CLI's `--fpcalc`. */
import { ChromaprintSource } from './chromaprint-source.js';
import { FpcalcSource, type FingerprintSource } from './identify/source.js';

export type FingerprinterKind = 'chromaprint' | 'fpcalc';

export function fingerprintSource(kind: FingerprinterKind = 'chromaprint'): FingerprintSource {
  return kind === 'fpcalc' ? new FpcalcSource() : new ChromaprintSource();
}
