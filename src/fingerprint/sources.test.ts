import { describe, expect, it } from 'vitest';
import { toConfig } from '../config/config.js';
import { readEnv } from '../config/env.js';
import { ChromaprintSource } from './chromaprint-source.js';
import { FpcalcSource } from './identify/source.js';
import { fingerprintSource } from './sources.js';

describe('the fingerprint source', () => {
  it('is the TypeScript core unless fpcalc is asked for', () => {
    expect(fingerprintSource()).toBeInstanceOf(ChromaprintSource);
    expect(fingerprintSource('chromaprint')).toBeInstanceOf(ChromaprintSource);
    expect(fingerprintSource('fpcalc')).toBeInstanceOf(FpcalcSource);
  });

  it('comes from TDMR_FINGERPRINTER, chromaprint by default, anything else refused', () => {
    expect(toConfig({}).fingerprinter).toBe('chromaprint');
    expect(toConfig(readEnv({ TDMR_FINGERPRINTER: 'fpcalc' })).fingerprinter).toBe('fpcalc');
    expect(() => toConfig({ fingerprinter: 'essentia' })).toThrow(
      /fingerprinter must be chromaprint or fpcalc/,
    );
  });
});
