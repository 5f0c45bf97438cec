import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTariff, priceUsage, type Tariff, type UsageLine } from './tariffs.js';

const base = { id: 'genai-2026', version: 1, name: 'Generative AI training 2026', uses: ['genai-training'], validFrom: '2026-01-01T00:00:00.000Z' };
const tariff = (model: Tariff['model']): Tariff => parseTariff({ ...base, model }, 'test');
const line = (n: number, over: Partial<UsageLine> = {}): UsageLine => ({ line: n, recording: `FRZ03250000${n}`, uses: ['genai-training'], units: 1, seconds: 180, ...over });

describe('parseTariff', () => {
  it('reads a tariff with EUR by default', () => {
    const t = parseTariff({ ...base, model: { kind: 'flat', amountCents: 100_000 } }, 'f.json');
    expect(t.currency).toBe('EUR');
    expect(t.model).toEqual({ kind: 'flat', amountCents: 100_000 });
  });

  it('names the source and every bad field', () => {
    let err: unknown;
    try {
      parseTariff({ ...base, id: 'Bad Id', currency: 'euro', model: { kind: 'revenue-share', basisPoints: 12_000, minimumCents: 1.5 } }, 'tariffs/x.json');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'LICENSING_BAD_TARIFF' });
    const msg = (err as Error).message;
    expect(msg).toMatch(/^tariffs\/x\.json: /);
    for (const field of ['id', 'currency', 'model.basisPoints', 'model.minimumCents']) expect(msg).toContain(`${field}:`);
  });

  it('refuses unknown models, extra fields and non-objects', () => {
    expect(() => parseTariff({ ...base, model: { kind: 'per-token', cents: 1 } }, 's')).toThrow(/model/);
    expect(() => parseTariff({ ...base, extra: 1, model: { kind: 'flat', amountCents: 1 } }, 's')).toThrow(/LICENSING|Unrecognized|extra/i);
    expect(() => parseTariff('flat', 's')).toThrow(/\(root\)/);
  });

  it('never throws anything but its coded error on any JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        try {
          parseTariff(v, 'fuzz');
        } catch (e) {
          expect(e).toMatchObject({ code: 'LICENSING_BAD_TARIFF' });
        }
      }),
    );
  });
});

describe('priceUsage', () => {
  it('per recording per use: rate times uses, line by line', () => {
    const p = priceUsage(tariff({ kind: 'per-recording-use', centsPerRecordingPerUse: 25 }), {
      currency: 'EUR',
      lines: [line(1), line(2, { uses: ['genai-training', 'ai-training'] })],
    });
    expect(p.lines.map((l) => l.cents)).toEqual([25, 50]);
    expect(p.totalCents).toBe(75);
    expect(p.tariff).toEqual({ id: 'genai-2026', version: 1 });
  });

  it('flat: the fee spread over the lines by units, owed with no line too', () => {
    const t = tariff({ kind: 'flat', amountCents: 1000 });
    const p = priceUsage(t, { currency: 'EUR', lines: [line(1, { units: 1 }), line(2, { units: 2 })] });
    expect(p.lines.map((l) => l.cents)).toEqual([333, 667]);
    expect(priceUsage(t, { currency: 'EUR', lines: [] }).totalCents).toBe(1000);
  });

  it('revenue share: basis points of revenue, rounded half up, with the minimum', () => {
    const t = tariff({ kind: 'revenue-share', basisPoints: 3000, minimumCents: 50_000 });
    expect(priceUsage(t, { currency: 'EUR', revenueCents: 1_000_005, lines: [line(1)] }).totalCents).toBe(300_002); // 300,001.5 -> 300,002
    expect(priceUsage(t, { currency: 'EUR', revenueCents: 10, lines: [line(1), line(2)] }).totalCents).toBe(50_000);
    expect(priceUsage(t, { currency: 'EUR', revenueCents: 10, lines: [] }).totalCents).toBe(50_000);
    expect(() => priceUsage(t, { currency: 'EUR', lines: [line(1)] })).toThrow(/revenue/);
  });

  it('per hour: rate times hours of audio, split by seconds', () => {
    const p = priceUsage(tariff({ kind: 'per-hour', centsPerHour: 1200 }), { currency: 'EUR', lines: [line(1, { seconds: 1800 }), line(2, { seconds: 900 })] });
    expect(p.totalCents).toBe(900);
    expect(p.lines.map((l) => l.cents)).toEqual([600, 300]);
  });

  it('refuses a report in another currency', () => {
    expect(() => priceUsage(tariff({ kind: 'flat', amountCents: 1 }), { currency: 'USD', lines: [] })).toThrow(expect.objectContaining({ code: 'LICENSING_CURRENCY_MISMATCH' }));
  });

  it('the lines always add up to the total (property)', () => {
    const models = fc.oneof(
      fc.record({ kind: fc.constant('flat' as const), amountCents: fc.integer({ min: 0, max: 1e9 }) }),
      fc.record({ kind: fc.constant('per-recording-use' as const), centsPerRecordingPerUse: fc.integer({ min: 0, max: 1e4 }) }),
      fc.record({ kind: fc.constant('revenue-share' as const), basisPoints: fc.integer({ min: 0, max: 10_000 }), minimumCents: fc.integer({ min: 0, max: 1e7 }) }),
      fc.record({ kind: fc.constant('per-hour' as const), centsPerHour: fc.integer({ min: 0, max: 1e5 }) }),
    );
    const lines = fc.array(fc.record({ units: fc.integer({ min: 1, max: 1000 }), seconds: fc.integer({ min: 0, max: 36_000 }), n: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(models, lines, fc.integer({ min: 0, max: 1e11 }), (m, ls, revenue) => {
        const usage = { currency: 'EUR', revenueCents: revenue, lines: ls.map((l, i) => line(i + 1, { units: l.units, seconds: l.seconds, uses: l.n === 1 ? ['genai-training'] : ['genai-training', 'ai-training'] })) };
        const p = priceUsage(tariff(m), usage);
        expect(p.lines.reduce((a, l) => a + l.cents, 0)).toBe(p.totalCents);
        for (const l of p.lines) expect(Number.isSafeInteger(l.cents) && l.cents >= 0).toBe(true);
      }),
    );
  });
});
