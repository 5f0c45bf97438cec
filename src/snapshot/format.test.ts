import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotError } from './errors.js';
import {
  anyReserved,
  decodeSnapshot,
  encodeSnapshot,
  sortKeys,
  statusByte,
  statusOf,
  type SnapshotContents,
} from './format.js';
import { QUERY_USES } from '../registry/model.js';
import { IsrcIndex } from './isrc-index.js';

const { privateKey } = generateKeyPairSync('ed25519');
const signer = (body: Uint8Array) => new Uint8Array(sign(null, body, privateKey));

const contentsArb: fc.Arbitrary<SnapshotContents> = fc
  .record({
    isrcs: fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 48 }), { maxLength: 60 }),
    keyWords: fc.array(
      fc.tuple(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.nat(),
      ),
      { maxLength: 40 },
    ),
    statuses: fc.array(
      fc.constantFrom(...[0, 1, 2].flatMap((a) => [0, 1, 2].map((b) => a | (b << 2) | (a << 4) | (b << 6)))),
      { minLength: 60, maxLength: 60 },
    ),
    territory: fc.option(fc.constantFrom('FR', 'DE', 'BE'), { nil: null }),
    checkpoint: fc.string({ maxLength: 200 }),
    keyHash: fc.integer({ min: 0, max: 0xffffffff }),
    createdAt: fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  })
  .map((r) => {
    const isrcs = Float64Array.from([...r.isrcs].sort((a, b) => a - b));
    const n = isrcs.length;
    return {
      createdAt: r.createdAt,
      at: r.createdAt,
      territory: r.territory,
      checkpoint: r.checkpoint,
      keyHash: r.keyHash,
      isrcs,
      statuses: Uint8Array.from(r.statuses.slice(0, n)),
      keys: n === 0 ? [] : sortKeys(r.keyWords.map(([a, t, i]) => ({ key: `${a}\t${t}`, index: i % n }))),
    };
  });

describe('snapshot format', () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(contentsArb, (c) => {
        const bytes = encodeSnapshot(c, signer);
        const v = decodeSnapshot(bytes);
        expect([v.createdAt, v.at, v.territory, v.checkpoint, v.keyHash]).toEqual([
          c.createdAt,
          c.at,
          c.territory,
          c.checkpoint,
          c.keyHash,
        ]);
        expect([...v.isrcs]).toEqual([...c.isrcs]);
        expect([...v.statuses]).toEqual([...c.statuses]);
        expect(
          Array.from({ length: v.keyCount }, (_, i) => ({ key: v.keyAt(i), index: v.keyIndex[i] })),
        ).toEqual(c.keys);
        expect(v.signed.length + 64).toBe(bytes.length);
        // The stored table answers every ISRC with its status, read in place.
        expect(v.isrcTable?.buffer).toBe(bytes.buffer);
        const index = new IsrcIndex(v.isrcs, v.isrcTable ?? undefined);
        c.isrcs.forEach((x, i) => expect(index.findStatus(x)).toBe(c.statuses[i]));
      }),
      { numRuns: 200 },
    );
  });

  it('reads version 1 files (no table) as before', () => {
    fc.assert(
      fc.property(contentsArb, (c) => {
        const v2 = encodeSnapshot(c, signer);
        const v = decodeSnapshot(asVersion1(v2, c.isrcs.length));
        expect(v.isrcTable).toBeNull();
        expect([...v.isrcs]).toEqual([...c.isrcs]);
        expect([...v.statuses]).toEqual([...c.statuses]);
        expect(Array.from({ length: v.keyCount }, (_, i) => v.keyAt(i))).toEqual(c.keys.map((k) => k.key));
        expect([v.checkpoint, v.territory]).toEqual([c.checkpoint, c.territory]);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a file read into shared memory shared (ISRCs and table too)', () => {
    const c = fc.sample(contentsArb, { numRuns: 1, seed: 3 })[0]!;
    const bytes = encodeSnapshot(c, signer);
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
    const v = decodeSnapshot(shared);
    expect(v.isrcs.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(v.isrcTable?.buffer).toBe(shared.buffer);
  });

  it('decodes from an unaligned buffer', () => {
    const c = fc.sample(contentsArb, { numRuns: 1, seed: 7 })[0]!;
    const bytes = encodeSnapshot(c, signer);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect([...decodeSnapshot(shifted.subarray(1)).isrcs]).toEqual([...c.isrcs]);
  });

  it('status bytes: two bits per use', () => {
    const b = statusByte({
      'ai-training': 'reserved',
      'genai-training': 'unknown',
      'ai-inference': 'not-covered',
      search: 'reserved',
    });
    expect(QUERY_USES.map((u) => statusOf(b, u))).toEqual(['reserved', 'unknown', 'not-covered', 'reserved']);
    expect(anyReserved(b)).toBe(true);
    expect(
      anyReserved(
        statusByte({
          'ai-training': 'unknown',
          'genai-training': 'unknown',
          'ai-inference': 'not-covered',
          search: 'unknown',
        }),
      ),
    ).toBe(false);
  });
});

/** The version 1 layout of a version 2 file: no table, keys at the next multiple of 4, signed again. */
function asVersion1(v2: Uint8Array, n: number): Uint8Array {
  const dv = new DataView(v2.buffer, v2.byteOffset, v2.byteLength);
  const statusEnd = dv.getUint32(12, true) + 9 * n;
  const keysV2 = ((statusEnd + 7) & ~7) + IsrcIndex.tableBytes(n);
  const keysV1 = (statusEnd + 3) & ~3;
  const rest = v2.subarray(keysV2, v2.length - 64);
  const body = new Uint8Array(keysV1 + rest.length);
  body.set(v2.subarray(0, statusEnd));
  body.set(rest, keysV1);
  new DataView(body.buffer).setUint16(8, 1, true);
  const out = new Uint8Array(body.length + 64);
  out.set(body);
  out.set(signer(body), body.length);
  return out;
}

describe('snapshot format: bad input', () => {
  const base = encodeSnapshot(
    {
      createdAt: '2026-01-01T00:00:00.000Z',
      at: '2026-01-01T00:00:00.000Z',
      territory: 'FR',
      checkpoint: 'log\n1\nAAAA\n\n— log sig\n',
      keyHash: 1,
      isrcs: Float64Array.from([10, 20, 30]),
      statuses: Uint8Array.from([1, 0, 2]),
      keys: sortKeys([
        { key: 'a\tb', index: 0 },
        { key: 'c\td', index: 2 },
      ]),
    },
    signer,
  );
  const expectBad = (bytes: Uint8Array, field?: RegExp) => {
    let err: unknown;
    try {
      decodeSnapshot(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SnapshotError);
    expect((err as SnapshotError).code).toBe('SNAPSHOT_BAD_FILE');
    expect(typeof (err as SnapshotError).details?.offset).toBe('number');
    if (field) expect(String((err as SnapshotError).details?.field)).toMatch(field);
  };

  it('every truncation is a coded error', () => {
    for (let l = 0; l < base.length; l++) expectBad(base.subarray(0, l));
  });

  it('a flipped byte is a coded error or decodes (then only the signature catches it), never a crash', () => {
    fc.assert(
      fc.property(fc.nat({ max: base.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, x) => {
        const b = base.slice();
        b[at] = (b[at] as number) ^ x;
        try {
          decodeSnapshot(b);
        } catch (e) {
          expect(e).toBeInstanceOf(SnapshotError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every flipped bit of the ISRC table, naming it', () => {
    const v = decodeSnapshot(base);
    const at = (v.isrcTable as Int32Array).byteOffset - base.byteOffset;
    const len = (v.isrcTable as Int32Array).byteLength;
    for (let i = at; i < at + len; i++) {
      for (const bit of [0, 3, 7]) {
        const b = base.slice();
        b[i] = (b[i] as number) ^ (1 << bit);
        expectBad(b, /^isrcTable\[\d+\]$/);
      }
    }
  });

  it('names the field', () => {
    const m = base.slice();
    m[0] = 0x58;
    expectBad(m, /^magic$/);
    const v = base.slice();
    v[8] = 9;
    expectBad(v, /^version$/);
    const extra = new Uint8Array(base.length + 1);
    extra.set(base);
    expectBad(extra, /^signature$/);
  });

  it('refuses ISRCs out of order', () => {
    const c = {
      createdAt: '2026-01-01T00:00:00.000Z',
      at: '2026-01-01T00:00:00.000Z',
      territory: null,
      checkpoint: '',
      keyHash: 0,
      statuses: new Uint8Array(2),
      keys: [],
    };
    expectBad(encodeSnapshot({ ...c, isrcs: Float64Array.from([5, 5]) }, signer), /^isrcs\[1\]$/);
    expectBad(encodeSnapshot({ ...c, isrcs: Float64Array.from([5, 4]) }, signer), /^isrcs\[1\]$/);
  });

  it('refuses undefined status codes and unsorted keys', () => {
    const c = {
      createdAt: '2026-01-01T00:00:00.000Z',
      at: '2026-01-01T00:00:00.000Z',
      territory: null,
      checkpoint: '',
      keyHash: 0,
      isrcs: Float64Array.from([1, 2]),
    };
    expectBad(
      encodeSnapshot({ ...c, statuses: Uint8Array.from([0, 3]), keys: [] }, signer),
      /^statuses\[1\]$/,
    );
    const keys = [
      { key: 'b\tb', index: 0 },
      { key: 'a\ta', index: 1 },
    ];
    expectBad(encodeSnapshot({ ...c, statuses: new Uint8Array(2), keys }, signer), /^keys\[1\]$/);
    expectBad(
      encodeSnapshot({ ...c, statuses: new Uint8Array(2), keys: [{ key: 'a\ta', index: 2 }] }, signer),
      /^keyIndex\[0\]$/,
    );
  });
});
