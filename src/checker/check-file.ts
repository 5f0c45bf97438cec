/**
 * `checkFile`: every signal about one media file on disk, as per-use verdicts with evidence. Reads the
 * tags with music-metadata (ISRCs and the fields `tdmr stamp` writes), the XMP packet (ID3 `PRIV`, MP4
 * `uuid` box, RIFF `_PMX`, else the file head), then asks the registry about each valid ISRC through
 * the status lookup. The file is never decoded: only its headers and tags are read.
 */
import { statSync } from 'node:fs';
import { parseFile } from 'music-metadata';
import { parseIsrc } from '../registry/identifiers.js';
import type { StatusLookup } from '../registry/status-lookup-model.js';
import { CheckerError } from './errors.js';
import { noIsrcEvidence, registryEvidence, tagEvidence, xmpEvidence } from './media-evidence.js';
import { readMediaTags, type Located, type MediaTags } from './media-tags.js';
import { CHECK_USES, decideItem, type CallerLicences, type Evidence, type ItemVerdict } from './model.js';
import { readXmpCarriers } from './xmp-carriers.js';
import { readXmp } from './xmp-read.js';

export interface CheckFileOptions extends CallerLicences {
  /** The registry's status lookup (`openStatusLookup`); without it only embedded signals are read. */
  lookup?: Pick<StatusLookup, 'status'>;
  /** How the registry is named in the evidence (a database path or a URL without its password). */
  registry?: string;
  /** The licence page a registry reservation points to (the CMO's licensing URL), if any. */
  registryLicence?: string;
}

export interface FileCheck extends ItemVerdict {
  kind: 'file';
  /** Container and codec as music-metadata reads them (null when the file could not be parsed). */
  format: { container: string | null; codec: string | null };
  /** The valid ISRCs found, normalised. */
  isrcs: string[];
  /** Every statement read, whatever use it speaks about. */
  evidence: Evidence[];
}

/**
 * @example
 * const { lookup, close } = openStatusLookup(ctx.db, ctx.stores.registry);
 * const c = await checkFile('song.flac', { lookup, registry: 'data/reserve.db' });
 * c.uses['ai-training'].status; // 'reserved' | 'licensed' | 'allowed' | 'not-covered' | 'unknown'
 * close();
 */
export async function checkFile(path: string, options: CheckFileOptions = {}): Promise<FileCheck> {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (e) {
    throw new CheckerError('CHECK_BAD_FILE', `cannot read ${path}: ${(e as Error).message}`, { cause: e, details: { file: path } });
  }
  if (!isFile) throw new CheckerError('CHECK_BAD_FILE', `not a file: ${path}`, { details: { file: path } });

  const evidence: Evidence[] = [];
  let tags: MediaTags = { isrcs: [], fields: {}, xmp: [] };
  let format: FileCheck['format'] = { container: null, codec: null };
  try {
    const meta = await parseFile(path, { duration: false, skipCovers: true });
    tags = readMediaTags(meta.native);
    format = { container: meta.format.container ?? null, codec: meta.format.codec ?? null };
    // music-metadata answers for any bytes; no container and no codec means it found no media in them.
    if (format.container === null && format.codec === null && Object.keys(meta.native).length === 0) throw new Error('no audio or video container found');
  } catch (e) {
    // Not a media file music-metadata knows, or a damaged one: its tags are a source we could not read.
    evidence.push({ signal: 'media-file', source: `${path} (tags)`, raw: '', says: 'unreadable', uses: CHECK_USES, rule: 'unreadable-source-blocks-allow', reason: `the tags cannot be read: ${(e as Error).message}` });
  }

  const isrcCandidates: Located[] = [...tags.isrcs];
  const packets = new Set<string>();
  const xmps = tags.xmp.map((x) => ({ where: `${path} ${x.source}`, packet: Buffer.from(x.data).toString('utf8') }));
  if (xmps.length === 0) {
    try {
      xmps.push(...readXmpCarriers(path).map((x) => ({ where: `${path} ${x.carrier}`, packet: x.packet })));
    } catch (e) {
      evidence.push({ signal: 'xmp-data-mining', source: `${path} (XMP)`, raw: '', says: 'unreadable', uses: CHECK_USES, rule: 'unreadable-source-blocks-allow', reason: (e as Error).message });
    }
  }
  for (const { where, packet } of xmps) {
    if (packets.has(packet)) continue;
    packets.add(packet);
    const x = readXmp(packet);
    evidence.push(...xmpEvidence(where, x));
    isrcCandidates.push(...x.isrcs.map((value) => ({ value, source: `${where} dc:identifier` })));
  }
  evidence.push(...tagEvidence(path, tags));

  const isrcs: string[] = [];
  const invalid: Located[] = [];
  for (const c of isrcCandidates) {
    const p = parseIsrc(c.value);
    if (!p.ok) invalid.push(c);
    else if (!isrcs.includes(p.value)) isrcs.push(p.value);
  }
  if (isrcs.length === 0) evidence.push(noIsrcEvidence(path, invalid));
  else if (options.lookup !== undefined) {
    const registry = options.registry ?? 'registry';
    for (const isrc of isrcs) {
      try {
        evidence.push(...registryEvidence(isrc, registry, await options.lookup.status(isrc), options.registryLicence));
      } catch (e) {
        evidence.push({ signal: 'registry', source: `ISRC ${isrc} in the registry ${registry}`, raw: '', says: 'unreadable', uses: CHECK_USES, rule: 'registry-coverage', reason: `the lookup failed: ${(e as Error).message}` });
      }
    }
  }
  return { ...decideItem(path, evidence, options), kind: 'file', format, isrcs, evidence };
}
