import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonWriter } from './json-writer.js';

const asciiText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});

describe('JsonWriter', () => {
  it('writes strings as JSON.stringify does, short or long, ASCII or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), asciiText, fc.constant(null))),
        (xs) => {
          const w = new JsonWriter(8);
          xs.forEach((x, i) => w.ascii(i === 0 ? '[' : ',').str(x));
          w.ascii(xs.length === 0 ? '[]' : ']');
          expect(w.result().toString('utf8')).toBe(JSON.stringify(xs));
        },
      ),
    );
  });

  it('writes ASCII text of any length as it is, on either side of the loop limit', () => {
    fc.assert(
      fc.property(fc.array(asciiText), (xs) => {
        const w = new JsonWriter(4);
        for (const x of xs) w.ascii(x);
        expect(w.take().toString('latin1')).toBe(xs.join(''));
        expect(w.length).toBe(0);
      }),
    );
  });

  it('writes whole numbers as their digits, and characters by code', () => {
    fc.assert(
      fc.property(fc.array(fc.nat()), (ns) => {
        const w = new JsonWriter(2);
        for (const n of ns) w.digits(n).byte(0x2c);
        expect(w.result().toString('latin1')).toBe(ns.map((n) => `${n},`).join(''));
      }),
    );
  });

  it('copies fragments of earlier bytes, short or long, growing as it needs', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 400 })), (chunks) => {
        const w = new JsonWriter(1);
        for (const c of chunks) w.bytes(c);
        expect(w.take((n) => Buffer.alloc(n)).equals(Buffer.concat(chunks))).toBe(true);
      }),
    );
  });
});
