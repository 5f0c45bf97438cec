import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot, sortKeys } from '../snapshot/format.js';
import { packIsrc } from '../snapshot/isrc-pack.js';
import { metadataKey } from '../snapshot/metadata-key.js';
import { checkManifest } from './manifest-check.js';
import { scanChunk } from './manifest-fast.js';
import { SnapshotMatcher } from './manifest-match.js';
import { outcomeJsonl } from './manifest-model.js';

const { privateKey } = generateKeyPairSync('ed25519');
const REG = [
  ['FRZ032500001', 'Zaz', 'Je veux', 0b01010101],
  ['FRZ032500002', 'Zaz', 'La fée', 0],
  ['FRZ032500003', 'Stromae', 'Papaoutai', 0b10101010],
] as const;
const view = decodeSnapshot(
  encodeSnapshot(
    {
      createdAt: '2026-01-01T00:00:00.000Z',
      at: '2026-01-01T00:00:00.000Z',
      territory: null,
      checkpoint: '',
      keyHash: 0,
      isrcs: Float64Array.from(REG.map((r) => packIsrc(r[0]))),
      statuses: Uint8Array.from(REG.map((r) => r[3])),
      keys: sortKeys(REG.map((r, index) => ({ key: metadataKey(r[1], r[2]) as string, index }))),
    },
    (b) => new Uint8Array(sign(null, b, privateKey)),
  ),
);
const dir = mkdtempSync(join(tmpdir(), 'tdmr-fast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanChunk', () => {
  const isrc = fc.constantFrom(
    'FRZ032500001',
    'frz032500003',
    'FRZ032500009',
    'FR-Z03-25-00002',
    'XX',
    '',
    ' FRZ032500001',
  );
  const text = fc.constantFrom('Zaz', 'Stromae', 'Je veux', 'Papaoutai', 'Papaoutaii', 'La fee', '', 'Élan');
  const line = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(isrc, text, text).map((c) => c.join(',')) },
    { weight: 1, arbitrary: fc.constantFrom('', 'FRZ032500001,Zaz', 'a,b,c,d') },
  );

  const sameAsGeneral = (lines: fc.Arbitrary<string[]>, numRuns: number) =>
    fc.assert(
      fc.asyncProperty(lines, fc.boolean(), fc.boolean(), async (lines, crlf, lastNl) => {
        const nl = crlf ? '\r\n' : '\n';
        const body = lines.join(nl) + (lastNl ? nl : '');
        const path = join(dir, 'm.csv');
        writeFileSync(path, `isrc,artist,title${nl}${body}`);
        const matcher = new SnapshotMatcher(view, { threshold: 0.85 });
        let general = '';
        const summary = await checkManifest(path, {
          matcher,
          sink: {
            format: outcomeJsonl,
            writeText: (t) => Promise.resolve(void (general += String(t))),
            close: () => Promise.resolve(),
          },
        });
        const setup = {
          cols: { isrc: 0, artist: 1, title: 2 },
          width: 3,
          matcher,
        };
        const fast = scanChunk(Buffer.from(body), 2, { ...setup, format: outcomeJsonl });
        expect(fast.text).toBe(general);
        const counted = scanChunk(Buffer.from(body), 0, setup);
        const sortTop = (s: typeof summary) => ({
          ...s,
          topPerformers: [...s.topPerformers].sort((a, b) => (a.artist < b.artist ? -1 : 1)),
        });
        expect(sortTop(fast.summary)).toEqual(sortTop(summary));
        expect(counted.summary.firstErrors.map((e) => e.line + 1)).toEqual(
          summary.firstErrors.map((e) => e.line),
        );
      }),
      { numRuns },
    );

  it('gives the outcomes and summary of the general reader on plain CSV', async () => {
    await sameAsGeneral(fc.array(line, { maxLength: 30 }), 150);
  });

  it('the same over runs of fast rows longer than one batch of lookups (256)', async () => {
    const canonical = fc.constantFrom('FRZ032500001', 'frz032500003', 'FRZ032500009', 'FRZ032500002');
    const fastLine = fc.oneof(
      { weight: 200, arbitrary: fc.tuple(canonical, text, text).map((c) => c.join(',')) },
      { weight: 1, arbitrary: line },
    );
    await sameAsGeneral(fc.array(fastLine, { minLength: 257, maxLength: 1200 }), 15);
  });
});
