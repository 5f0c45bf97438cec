import { describe, expect, it } from 'vitest';
import { fpcalcOutput, printf2 } from './fpcalc-format.js';

describe('fpcalc output', () => {
  const raw = Uint32Array.from([1, 0xffffffff, 627964279]);

  it('text: DURATION in whole seconds (truncated), FINGERPRINT compressed or raw', () => {
    expect(fpcalcOutput(180.999, raw)).toMatch(/^DURATION=180\nFINGERPRINT=AQAAA[A-Za-z0-9_-]+$/);
    expect(fpcalcOutput(5, raw, { raw: true })).toBe('DURATION=5\nFINGERPRINT=1,4294967295,627964279');
    expect(fpcalcOutput(5, raw, { raw: true, signed: true })).toBe('DURATION=5\nFINGERPRINT=1,-1,627964279');
  });

  it("JSON with fpcalc's spacing and %.2f duration", () => {
    expect(fpcalcOutput(180.035, raw, { json: true, raw: true })).toBe(
      '{"duration": 180.03, "fingerprint": [1,4294967295,627964279]}', // 180.035 is 180.03499… in binary, and fpcalc prints 180.03,
    );
    expect(fpcalcOutput(2, raw, { json: true })).toMatch(
      /^\{"duration": 2\.00, "fingerprint": "AQAAA[^"]+"\}$/,
    );
    expect(fpcalcOutput(2, raw, { json: true, iscc: 'ISCC:EIAX' })).toMatch(/, "iscc": "ISCC:EIAX"\}$/);
  });

  it('%.2f rounds exact binary ties to even, as glibc does', () => {
    expect(printf2(0.125)).toBe('0.12');
    expect(printf2(0.375)).toBe('0.38');
    expect(printf2(10.625)).toBe('10.62');
    expect(printf2(10.875)).toBe('10.88');
    expect(printf2(180.035)).toBe((180.035).toFixed(2));
    expect(printf2(0)).toBe('0.00');
  });
});
