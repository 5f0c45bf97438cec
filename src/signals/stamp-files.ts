/**
 * The stamp on disk: writes a plan into a media file's own metadata without re-encoding its audio,
 * and reads it back. The tools, per container:
 *   - MP3: node-id3 rewrites only the ID3v2 tag: XMP in a `PRIV` frame owned by `XMP` (how XMP is
 *     carried in ID3, and where exiftool reads it), `TSRC` (ISRC), `TXXX` texts and `WXXX` links;
 *   - MP4/M4A/MOV: exiftool writes the XMP packet (its uuid box); the media data is not touched;
 *   - FLAC/Ogg/Opus: ffmpeg `-c copy` rewrites the Vorbis comments (no XMP carrier in these containers).
 * Reading is exiftool's JSON for every container. Child processes get arguments, never a shell.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import NodeID3 from 'node-id3';
import { SignalsError } from './errors.js';
import { readStamp, xmpPacket, type StampPlan, type StampReading } from './stamp-model.js';

const run = promisify(execFile);

export type Carrier = 'id3' | 'xmp' | 'vorbis';
const CARRIERS: Record<string, Carrier> = {
  '.mp3': 'id3',
  '.m4a': 'xmp',
  '.mp4': 'xmp',
  '.m4v': 'xmp',
  '.mov': 'xmp',
  '.flac': 'vorbis',
  '.ogg': 'vorbis',
  '.oga': 'vorbis',
  '.opus': 'vorbis',
};

export function carrierOf(file: string): Carrier {
  const c = CARRIERS[extname(file).toLowerCase()];
  if (c === undefined) {
    throw new SignalsError('SIGNALS_BAD_MEDIA', `cannot stamp ${basename(file)}: supported containers are ${Object.keys(CARRIERS).join(', ')}`);
  }
  return c;
}

async function tool(cmd: string, args: string[]): Promise<string> {
  try {
    return (await run(cmd, args, { maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (cause) {
    throw new SignalsError('SIGNALS_STAMP_FAILED', `${cmd} failed: ${(cause as Error).message.split('\n')[0] ?? ''}`, { cause });
  }
}

/** Writes the plan into `file` in place. */
export async function stampFile(file: string, plan: StampPlan): Promise<Carrier> {
  const carrier = carrierOf(file);
  if (carrier === 'id3') {
    const r = NodeID3.update(
      {
        ISRC: plan.isrc,
        userDefinedText: Object.entries(plan.fields).map(([description, value]) => ({ description, value })),
        // URLs go in WXXX (user URL) frames: ID3v2.3 readers split TXXX text at '/' (multiple values).
        userDefinedUrl: Object.entries(plan.links).map(([description, url]) => ({ description, url })),
        private: [{ ownerIdentifier: 'XMP', data: xmpPacket(plan) }],
      },
      file,
    );
    if (r !== true) throw new SignalsError('SIGNALS_STAMP_FAILED', `cannot write the ID3 tag of ${basename(file)}: ${r.message}`, { cause: r });
    return carrier;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tdmr-stamp-'));
  try {
    if (carrier === 'xmp') {
      const packet = join(dir, 'stamp.xmp');
      writeFileSync(packet, xmpPacket(plan));
      await tool('exiftool', ['-q', '-overwrite_original', `-xmp<=${packet}`, file]);
    } else {
      const out = join(dir, basename(file));
      const meta = Object.entries({ ISRC: plan.isrc, ...plan.fields, ...plan.links }).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
      await tool('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', file, '-map', '0', '-c', 'copy', '-map_metadata', '0', ...meta, out]);
      // Same directory as the original first, so that the final rename is atomic.
      const staged = join(dirname(file), `.${basename(file)}.tdmr-stamp`);
      copyFileSync(out, staged);
      renameSync(staged, file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return carrier;
}

/** Reads what a file says about the reservation. */
export async function readFileStamp(file: string): Promise<StampReading> {
  const out = await tool('exiftool', ['-j', '-G1', '-a', '-n', file]);
  const [tags] = JSON.parse(out) as Record<string, unknown>[];
  return readStamp(tags ?? {});
}
