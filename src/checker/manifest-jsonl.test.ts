import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonlChunk } from './manifest-jsonl.js';

const lineArb = fc.oneof(
  fc
    .record({
      isrc: fc.string(),
      artist: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
      title: fc.string(),
    })
    .map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 40 }).filter((s) => !s.includes('\n')),
  fc.constantFrom('', '   ', '[1]', '{"isrc": ["a"]}', '{"ISRC":"FRZ032500001"}\r', '{', 'null'),
);

describe('jsonlChunk', () => {
  it('never throws, gives one item per non-blank line, numbered from firstLine', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 40 }),
        fc.boolean(),
        fc.nat({ max: 1000 }),
        (lines, lastNl, first) => {
          const text = lines.join('\n') + (lastNl && lines.length > 0 ? '\n' : '');
          const r = jsonlChunk(Buffer.from(text), first + 1);
          const expected = lines
            .map((l, i) => ({ l, i }))
            .filter(({ l }) => l.replace(/\r$/, '').trim() !== '');
          expect(r.items.map((it) => (it.ok ? it.row.line : it.problem.line))).toEqual(
            expected.map(({ i }) => first + 1 + i),
          );
          const nls = text.split('\n').length - 1;
          expect(r.lines).toBe(text === '' ? 0 : text.endsWith('\n') ? nls : nls + 1);
        },
      ),
    );
  });

  it('gives the same items whatever the LF the bytes are cut at', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 30 }), fc.nat(), (lines, at) => {
        const buf = Buffer.from(lines.join('\n') + '\n');
        const whole = jsonlChunk(buf, 1);
        const nls = [...buf.keys()].filter((i) => buf[i] === 10);
        const cut = (nls[at % nls.length] as number) + 1;
        const a = jsonlChunk(buf.subarray(0, cut), 1);
        const b = jsonlChunk(buf.subarray(cut), 1 + a.lines);
        expect([...a.items, ...b.items]).toEqual(whole.items);
        expect(a.sawField || b.sawField).toBe(whole.sawField);
      }),
    );
  });

  it('names the line and the reason of each bad row, and survives random bytes', () => {
    const r = jsonlChunk(Buffer.from('{"isrc":"X"}\n{\n[1]\n{"artist":["a"]}\n'), 10);
    expect(r.items.map((i) => (i.ok ? 'ok' : `${i.problem.line} ${i.problem.field}`))).toEqual([
      'ok',
      '11 record',
      '12 record',
      '13 artist',
    ]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const out = jsonlChunk(Buffer.from(bytes), 1);
        expect(out.items.length).toBeLessThanOrEqual(out.lines);
      }),
    );
  });
});
