/**
 * Finding the XMP packet of a media file on disk without reading the file whole (Adobe XMP
 * Specification Part 3): the top-level `uuid` box BE7ACFCB-97A9-42E8-9C71-999491E3AFAC of an ISO BMFF
 * file (MP4, M4A, MOV; where exiftool writes it) or `moov/udta/XMP_` (QuickTime), the `_PMX` chunk of a
 * RIFF (WAV) file, else a scan of the first MiB for `<x:xmpmeta`. ID3 `PRIV` frames are read with the
 * other tags (media-tags.ts). Only box and chunk headers are read on the way.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { XMP_MAX_CHARS, findXmpPackets } from './xmp-read.js';

const XMP_UUID = Buffer.from('BE7ACFCB97A942E89C71999491E3AFAC', 'hex');
const HEAD_BYTES = 1024 * 1024;
const MAX_BOXES = 10_000;

export interface FoundXmp {
  /** `uuid box`, `moov/udta/XMP_`, `RIFF _PMX chunk`, `file head`. */
  carrier: string;
  packet: string;
}

export function readXmpCarriers(path: string): FoundXmp[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (pos: number, len: number): Buffer => {
      const buf = Buffer.alloc(Math.max(0, Math.min(len, size - pos)));
      let n = 0;
      while (n < buf.length) {
        const got = readSync(fd, buf, n, buf.length - n, pos + n);
        if (got === 0) break;
        n += got;
      }
      return buf.subarray(0, n);
    };
    const head = read(0, 12);
    let found: FoundXmp[] = [];
    if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF') found = riff(read, size);
    else if (head.length >= 8 && /^(ftyp|moov|mdat|free|wide|skip|uuid|pnot)$/.test(head.toString('latin1', 4, 8))) found = bmff(read, 0, size, 0);
    if (found.length > 0) return found;
    return findXmpPackets(read(0, HEAD_BYTES)).map((packet) => ({ carrier: 'file head', packet }));
  } finally {
    closeSync(fd);
  }
}

type Read = (pos: number, len: number) => Buffer;

const payload = (read: Read, start: number, end: number, carrier: string): FoundXmp[] =>
  findXmpPackets(read(start, Math.min(end - start, XMP_MAX_CHARS))).map((packet) => ({ carrier, packet }));

function bmff(read: Read, from: number, to: number, depth: number): FoundXmp[] {
  const out: FoundXmp[] = [];
  let pos = from;
  for (let i = 0; i < MAX_BOXES && pos + 8 <= to; i++) {
    const h = read(pos, 32);
    if (h.length < 8) break;
    let size = h.readUInt32BE(0);
    const type = h.toString('latin1', 4, 8);
    let header = 8;
    if (size === 1) {
      if (h.length < 16) break;
      size = Number(h.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = to - pos;
    if (size < header || pos + size > to) break;
    const end = pos + size;
    if (type === 'uuid' && h.length >= header + 16 && h.subarray(header, header + 16).equals(XMP_UUID)) out.push(...payload(read, pos + header + 16, end, 'uuid box'));
    else if (type === 'XMP_') out.push(...payload(read, pos + header, end, 'moov/udta/XMP_'));
    else if ((type === 'moov' && depth === 0) || (type === 'udta' && depth === 1)) out.push(...bmff(read, pos + header, end, depth + 1));
    pos = end;
  }
  return out;
}

function riff(read: Read, size: number): FoundXmp[] {
  const out: FoundXmp[] = [];
  let pos = 12;
  for (let i = 0; i < MAX_BOXES && pos + 8 <= size; i++) {
    const h = read(pos, 8);
    if (h.length < 8) break;
    const id = h.toString('latin1', 0, 4);
    const len = h.readUInt32LE(4);
    const end = Math.min(size, pos + 8 + len);
    if (id === '_PMX') out.push(...payload(read, pos + 8, end, 'RIFF _PMX chunk'));
    pos = pos + 8 + len + (len % 2);
  }
  return out;
}
