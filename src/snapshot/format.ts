/**
 * The signed registry snapshot, byte by byte (docs/snapshot.md): a header, the recordings' packed ISRCs
 * (sorted, uint64 little-endian), one status byte per recording, the ISRC hash table ready to probe, the
 * sorted metadata keys with the index of their recording, then an Ed25519 signature over every byte
 * before it. Pure: bytes in, bytes out.
 * `decodeSnapshot` checks every field and throws SNAPSHOT_BAD_FILE naming the offset and the field; it
 * never reads outside the buffer, so a truncated or altered file is an error, not a crash.
 *
 * @example
 * const bytes = encodeSnapshot(contents, (body) => sign(null, body, privateKey));
 * const view = decodeSnapshot(bytes); // view.isrcs, view.statuses, view.keyAt(0)
 */
import { badFile } from './errors.js';
import { IsrcIndex } from './isrc-index.js';
import { PACKED_ISRC_LIMIT } from './isrc-pack.js';
import { compareBytes } from './key-order.js';

export const MAGIC = 'TDMRSNAP';
/** Written: 2 (with the ISRC hash table). Read: 1 and 2. */
export const FORMAT_VERSION = 2;
export const SIGNATURE_SIZE = 64;
const FIXED = 32;

export { anyReserved, statusByte, statusOf, type SnapshotStatus } from './status-byte.js';
export { sortKeys } from './key-order.js';

export interface SnapshotHeader {
  /** When the file was made (ISO-8601). */
  createdAt: string;
  /** The instant the statuses answer for (ISO-8601). */
  at: string;
  /** ISO 3166-1 alpha-2 the statuses answer for; null for "any territory". */
  territory: string | null;
  /** The signed checkpoint note of the log the snapshot reflects. */
  checkpoint: string;
  /** Key hash (uint32) of the signing key, as in the note's signature line. */
  keyHash: number;
}

export interface SnapshotContents extends SnapshotHeader {
  /** Packed ISRCs, strictly ascending. */
  isrcs: Float64Array;
  /** One status byte per ISRC. */
  statuses: Uint8Array;
  /** Metadata keys sorted by their UTF-8 bytes (then by index), each with the index of its ISRC. */
  keys: readonly { key: string; index: number }[];
}

export interface SnapshotView extends SnapshotHeader {
  isrcs: Float64Array;
  statuses: Uint8Array;
  /**
   * The ISRC hash table (isrc-index.ts) as stored in the file, a view on its bytes; null in a version 1
   * file, whose readers build it.
   */
  isrcTable: Int32Array | null;
  keyCount: number;
  /** The metadata key at position i. */
  keyAt(i: number): string;
  /** Index (into `isrcs`) of the recording of each key. */
  keyIndex: Uint32Array;
  /** Every byte the signature covers. */
  signed: Uint8Array;
  signature: Uint8Array;
}

const utf8 = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });
const pad = (n: number, to: number): number => (n + to - 1) & ~(to - 1);

/** Builds the file: `sign` gets every byte before the signature and returns the 64-byte signature. */
export function encodeSnapshot(c: SnapshotContents, sign: (body: Uint8Array) => Uint8Array): Uint8Array {
  const n = c.isrcs.length;
  if (c.statuses.length !== n) throw new RangeError('one status byte per ISRC');
  const texts = [c.createdAt, c.at, c.territory ?? ''].map((t) => utf8.encode(t));
  const note = utf8.encode(c.checkpoint);
  const headerLen = pad(FIXED + texts.reduce((s, t) => s + 2 + t.length, 0) + 4 + note.length, 8);
  const keyBytes = c.keys.map((k) => utf8.encode(k.key));
  const blobLen = keyBytes.reduce((s, k) => s + k.length, 0);
  const { tableAt, keysAt } = afterStatuses(FORMAT_VERSION, headerLen + n * 8 + n, n);
  const m = c.keys.length;
  const bodyLen = keysAt + (m + 1) * 4 + m * 4 + blobLen;
  const out = new Uint8Array(bodyLen + SIGNATURE_SIZE);
  const dv = new DataView(out.buffer);
  out.set(utf8.encode(MAGIC), 0);
  dv.setUint16(8, FORMAT_VERSION, true);
  dv.setUint16(10, 0, true);
  dv.setUint32(12, headerLen, true);
  dv.setUint32(16, n, true);
  dv.setUint32(20, m, true);
  dv.setUint32(24, blobLen, true);
  dv.setUint32(28, c.keyHash >>> 0, true);
  let o = FIXED;
  for (const t of texts) {
    dv.setUint16(o, t.length, true);
    out.set(t, o + 2);
    o += 2 + t.length;
  }
  dv.setUint32(o, note.length, true);
  out.set(note, o + 4);
  o = headerLen;
  for (let i = 0; i < n; i++, o += 8) {
    const v = c.isrcs[i] as number;
    dv.setUint32(o, v % 0x1_0000_0000, true);
    dv.setUint32(o + 4, Math.floor(v / 0x1_0000_0000), true);
  }
  out.set(c.statuses, o);
  IsrcIndex.table(c.isrcs, c.statuses, out.buffer, tableAt);
  o = keysAt;
  let off = 0;
  for (let i = 0; i <= m; i++, o += 4) {
    dv.setUint32(o, off, true);
    off += keyBytes[i]?.length ?? 0;
  }
  for (const k of c.keys) {
    dv.setUint32(o, k.index, true);
    o += 4;
  }
  for (const k of keyBytes) {
    out.set(k, o);
    o += k.length;
  }
  const signature = sign(out.subarray(0, bodyLen));
  if (signature.length !== SIGNATURE_SIZE) throw new RangeError('an Ed25519 signature is 64 bytes');
  out.set(signature, bodyLen);
  return out;
}

/**
 * Where the ISRC table and the keys start once the statuses end at `statusEnd`: version 2 puts the table
 * at the next multiple of 8 and the keys right after it; version 1 has no table and its keys start at the
 * next multiple of 4.
 */
function afterStatuses(
  version: number,
  statusEnd: number,
  n: number,
): { tableAt: number; tableLen: number; keysAt: number } {
  if (version === 1) return { tableAt: statusEnd, tableLen: 0, keysAt: pad(statusEnd, 4) };
  const tableAt = pad(statusEnd, 8);
  const tableLen = IsrcIndex.tableBytes(n);
  return { tableAt, tableLen, keysAt: tableAt + tableLen };
}

/** An 8-byte-aligned copy when `bytes` does not start on a multiple of 8 (typed-array views need it). */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
}

/** Reads and checks a snapshot file's structure (not its signature: see `verifySnapshot`). */
export function decodeSnapshot(input: Uint8Array): SnapshotView {
  const bytes = aligned(input);
  const len = bytes.length;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, len);
  const need = (at: number, size: number, field: string): void => {
    if (at + size > len) throw badFile(at, field, `file ends at ${len} bytes, ${size} more needed`);
  };
  need(0, FIXED, 'header');
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== MAGIC) throw badFile(0, 'magic', `expected ${MAGIC}, got ${JSON.stringify(magic)}`);
  const version = dv.getUint16(8, true);
  if (version !== 1 && version !== 2) throw badFile(8, 'version', `unsupported version ${version}`);
  if (dv.getUint16(10, true) !== 0) throw badFile(10, 'flags', 'must be 0');
  const headerLen = dv.getUint32(12, true);
  if (headerLen % 8 !== 0 || headerLen < FIXED)
    throw badFile(12, 'headerLength', `${headerLen} is not a multiple of 8 of at least ${FIXED}`);
  need(0, headerLen, 'header');
  const n = dv.getUint32(16, true);
  const m = dv.getUint32(20, true);
  const blobLen = dv.getUint32(24, true);
  const keyHash = dv.getUint32(28, true);
  let o = FIXED;
  const text = (field: string, sizeBytes: 2 | 4): string => {
    if (o + sizeBytes > headerLen) throw badFile(o, field, 'runs past the header');
    const l = sizeBytes === 2 ? dv.getUint16(o, true) : dv.getUint32(o, true);
    if (o + sizeBytes + l > headerLen) throw badFile(o, field, `length ${l} runs past the header`);
    try {
      const s = strict.decode(bytes.subarray(o + sizeBytes, o + sizeBytes + l));
      o += sizeBytes + l;
      return s;
    } catch {
      throw badFile(o + sizeBytes, field, 'not UTF-8');
    }
  };
  const instant = (field: string): string => {
    const at = o;
    const s = text(field, 2);
    if (Number.isNaN(Date.parse(s)) || !/^\d{4}-\d{2}-\d{2}T/.test(s))
      throw badFile(at, field, `not an ISO-8601 instant: ${JSON.stringify(s)}`);
    return s;
  };
  const createdAt = instant('createdAt');
  const at = instant('at');
  const terrAt = o;
  const territory = text('territory', 2);
  if (territory !== '' && !/^[A-Z]{2}$/.test(territory))
    throw badFile(terrAt, 'territory', `not ISO 3166-1 alpha-2: ${JSON.stringify(territory)}`);
  const checkpoint = text('checkpoint', 4);
  for (let i = o; i < headerLen; i++) if (bytes[i] !== 0) throw badFile(i, 'header padding', 'must be zero');

  const isrcAt = headerLen;
  need(isrcAt, n * 8, 'isrcs');
  const statusAt = isrcAt + n * 8;
  need(statusAt, n, 'statuses');
  const { tableAt, tableLen, keysAt } = afterStatuses(version, statusAt + n, n);
  // Zero padding before the table (version 2) or before the keys (version 1, which has no table).
  const zeros = (from: number, to: number): void => {
    need(from, to - from, 'statuses padding');
    for (let i = from; i < to; i++) if (bytes[i] !== 0) throw badFile(i, 'statuses padding', 'must be zero');
  };
  zeros(statusAt + n, tableAt);
  need(tableAt, tableLen, 'isrcTable');
  zeros(tableAt + tableLen, keysAt);
  const offsetsLen = (m + 1) * 4;
  need(keysAt, offsetsLen + m * 4 + blobLen, 'keys');
  const bodyLen = keysAt + offsetsLen + m * 4 + blobLen;
  if (len !== bodyLen + SIGNATURE_SIZE)
    throw badFile(
      bodyLen,
      'signature',
      `expected the file to end ${SIGNATURE_SIZE} bytes after byte ${bodyLen}, it has ${len} bytes`,
    );

  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + isrcAt, n * 2);
  // In shared memory when the file is (worker threads then share both).
  const isrcs = new Float64Array(
    bytes.buffer instanceof SharedArrayBuffer ? new SharedArrayBuffer(n * 8) : new ArrayBuffer(n * 8),
  );
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const v = (words[2 * i + 1] as number) * 0x1_0000_0000 + (words[2 * i] as number);
    if (v >= PACKED_ISRC_LIMIT) throw badFile(isrcAt + i * 8, `isrcs[${i}]`, 'not a packed ISRC');
    if (v <= prev) throw badFile(isrcAt + i * 8, `isrcs[${i}]`, 'ISRCs must be strictly ascending');
    isrcs[i] = prev = v;
  }
  const statuses = bytes.subarray(statusAt, statusAt + n);
  for (let i = 0; i < n; i++) {
    const b = statuses[i] as number;
    if ((b & (b >> 1) & 0x55) !== 0)
      throw badFile(statusAt + i, `statuses[${i}]`, `status code 3 is not defined (byte ${b})`);
  }
  let isrcTable: Int32Array | null = null;
  if (version === 2) {
    isrcTable = new Int32Array(bytes.buffer, bytes.byteOffset + tableAt, tableLen / 4);
    const problem = IsrcIndex.tableProblem(isrcTable, isrcs, statuses);
    if (problem) throw badFile(tableAt + problem.slot * 8, `isrcTable[${problem.slot}]`, problem.reason);
  }
  const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + keysAt, m + 1);
  const keyIndex = new Uint32Array(bytes.buffer, bytes.byteOffset + keysAt + offsetsLen, m);
  const blobAt = keysAt + offsetsLen + m * 4;
  const blob = bytes.subarray(blobAt, blobAt + blobLen);
  if (offsets[0] !== 0) throw badFile(keysAt, 'keyOffsets[0]', 'must be 0');
  if (offsets[m] !== blobLen)
    throw badFile(keysAt + m * 4, `keyOffsets[${m}]`, `must equal the key bytes length ${blobLen}`);
  for (let i = 0; i < m; i++) {
    const a = offsets[i] as number;
    const b = offsets[i + 1] as number;
    if (b < a) throw badFile(keysAt + (i + 1) * 4, `keyOffsets[${i + 1}]`, 'offsets must not decrease');
    if ((keyIndex[i] as number) >= n)
      throw badFile(keysAt + offsetsLen + i * 4, `keyIndex[${i}]`, `index ${keyIndex[i]} is not below ${n}`);
    if (i > 0) {
      const c = compareBytes(blob, offsets[i - 1] as number, a, a, b);
      if (c > 0 || (c === 0 && (keyIndex[i - 1] as number) > (keyIndex[i] as number))) {
        throw badFile(blobAt + a, `keys[${i}]`, 'keys must be sorted');
      }
    }
  }
  try {
    strict.decode(blob);
  } catch {
    throw badFile(blobAt, 'keys', 'not UTF-8');
  }
  const keyAt = (i: number): string => strict.decode(blob.subarray(offsets[i], offsets[i + 1]));
  return {
    createdAt,
    at,
    territory: territory === '' ? null : territory,
    checkpoint,
    keyHash,
    isrcs,
    statuses,
    isrcTable,
    keyCount: m,
    keyAt,
    keyIndex,
    signed: bytes.subarray(0, bodyLen),
    signature: bytes.subarray(bodyLen),
  };
}
