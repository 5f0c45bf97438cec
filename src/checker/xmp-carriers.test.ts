import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readXmpCarriers } from './xmp-carriers.js';

const dir = mkdtempSync(join(tmpdir(), 'tdmr-xmp-carriers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PACKET = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>';
const UUID = Buffer.from('BE7ACFCB97A942E89C71999491E3AFAC', 'hex');

const box = (type: string, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.writeUInt32BE(8 + body.length, 0);
  h.write(type, 4, 'latin1');
  return Buffer.concat([h, body]);
};
const largeBox = (type: string, body: Buffer): Buffer => {
  const h = Buffer.alloc(16);
  h.writeUInt32BE(1, 0);
  h.write(type, 4, 'latin1');
  h.writeBigUInt64BE(BigInt(16 + body.length), 8);
  return Buffer.concat([h, body]);
};
const chunk = (id: string, body: Buffer): Buffer => {
  const h = Buffer.alloc(8);
  h.write(id, 0, 'latin1');
  h.writeUInt32LE(body.length, 4);
  return Buffer.concat([h, body, body.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
};
const file = (name: string, bytes: Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

describe('readXmpCarriers', () => {
  it('MP4: the XMP uuid box after a large mdat (64-bit size), and moov/udta/XMP_', () => {
    const mp4 = Buffer.concat([box('ftyp', Buffer.from('M4A \0\0\0\0')), largeBox('mdat', Buffer.alloc(5000, 7)), box('uuid', UUID, Buffer.from(PACKET)), box('uuid', Buffer.alloc(16), Buffer.from('<x:xmpmeta>not XMP uuid</x:xmpmeta>'))]);
    expect(readXmpCarriers(file('a.m4a', mp4))).toEqual([{ carrier: 'uuid box', packet: PACKET }]);
    const mov = Buffer.concat([box('ftyp', Buffer.from('qt  ')), box('moov', box('mvhd', Buffer.alloc(20)), box('udta', box('XMP_', Buffer.from(PACKET))))]);
    expect(readXmpCarriers(file('b.mov', mov))).toEqual([{ carrier: 'moov/udta/XMP_', packet: PACKET }]);
  });

  it('WAV: the _PMX chunk after an odd-sized chunk (padded)', () => {
    const body = Buffer.concat([Buffer.from('WAVE'), chunk('fmt ', Buffer.alloc(16)), chunk('LIST', Buffer.alloc(3)), chunk('data', Buffer.alloc(100)), chunk('_PMX', Buffer.from(PACKET))]);
    const riff = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), body]);
    riff.writeUInt32LE(body.length, 4);
    expect(readXmpCarriers(file('c.wav', riff))).toEqual([{ carrier: 'RIFF _PMX chunk', packet: PACKET }]);
  });

  it('other files: a scan of the head; damaged box sizes end the walk without throwing', () => {
    expect(readXmpCarriers(file('d.bin', Buffer.concat([Buffer.alloc(100, 1), Buffer.from(PACKET), Buffer.alloc(10)])))).toEqual([{ carrier: 'file head', packet: PACKET }]);
    const bad = Buffer.concat([box('ftyp', Buffer.alloc(4)), Buffer.from([0, 0, 0, 3, 0x75, 0x75, 0x69, 0x64]), Buffer.from(PACKET)]);
    // The walk stops at the impossible size; the head scan still finds the packet.
    expect(readXmpCarriers(file('e.mp4', bad))).toEqual([{ carrier: 'file head', packet: PACKET }]);
    const huge = box('ftyp', Buffer.alloc(4));
    huge.writeUInt32BE(0xffffffff, 0);
    expect(readXmpCarriers(file('f.mp4', huge))).toEqual([]);
    expect(readXmpCarriers(file('g.wav', Buffer.from('RIFF\xff\xff\xff\xffWAVE_PMX\xff\xff\xff\xff<x:xmpmeta', 'latin1'))).map((x) => x.carrier)).toEqual(['RIFF _PMX chunk']);
    expect(readXmpCarriers(file('h.mp3', Buffer.alloc(0)))).toEqual([]);
  });
});
