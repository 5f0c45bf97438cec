/**
 * `tdmr snapshot export`: the registry's statuses at an instant, for every recording with an ISRC, with
 * the checkpoint of the log they reflect, signed with the log's key. Reads the registry page by page in
 * ISRC order (constant memory in the database's size, except the packed arrays it writes); when the log
 * grew while it read, it starts again, so the checkpoint always names the registry state it describes.
 *
 * @example
 * const { bytes } = await exportSnapshot({ registry: ctx.stores.registry, ledger: ctx.services.ledger, signer }, { at });
 */
import { coverageVerdict } from '../registry/coverage-verdict.js';
import { QUERY_USES, type QueryUse } from '../registry/model.js';
import type { CoverageRows, RegistryStore } from '../registry/store.js';
import type { NoteSigner } from '../ledger/note-keys.js';
import type { StoredCheckpoint } from '../ledger/store.js';
import { SnapshotError } from './errors.js';
import { anyReserved, encodeSnapshot, sortKeys, statusByte, type SnapshotStatus } from './format.js';
import { packIsrc } from './isrc-pack.js';
import { metadataKey } from './metadata-key.js';
import { snapshotSigner } from './verify.js';

export interface ExportDeps {
  registry: Pick<RegistryStore, 'coveragePage' | 'declarations'>;
  ledger: { checkpoint(): Promise<StoredCheckpoint>; size(): Promise<number> };
  signer: NoteSigner;
  now?: () => Date;
}

export interface ExportOptions {
  /** The instant the statuses answer for (default: now). */
  at?: string;
  territory?: string;
  pageSize?: number;
  onProgress?: (recordings: number) => void;
  signal?: AbortSignal;
}

export interface ExportResult {
  bytes: Uint8Array;
  recordings: number;
  reserved: number;
  keys: number;
  checkpoint: StoredCheckpoint;
  at: string;
}

export async function exportSnapshot(deps: ExportDeps, opts: ExportOptions = {}): Promise<ExportResult> {
  const now = deps.now ?? (() => new Date());
  const at = opts.at ?? now().toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    const checkpoint = await deps.ledger.checkpoint();
    const read = await readRegistry(deps, at, opts);
    if ((await deps.ledger.size()) !== checkpoint.size) continue;
    const bytes = encodeSnapshot(
      {
        createdAt: now().toISOString(),
        at,
        territory: opts.territory ?? null,
        checkpoint: checkpoint.note,
        keyHash: deps.signer.keyHash,
        isrcs: read.isrcs,
        statuses: read.statuses,
        keys: sortKeys(read.keys),
      },
      snapshotSigner(deps.signer),
    );
    return {
      bytes,
      recordings: read.isrcs.length,
      reserved: read.reserved,
      keys: read.keys.length,
      checkpoint,
      at,
    };
  }
  throw new SnapshotError(
    'SNAPSHOT_STALE',
    'the registry changed during each of three reads; export when imports are not running',
  );
}

async function readRegistry(deps: ExportDeps, at: string, opts: ExportOptions) {
  const declarations = await deps.registry.declarations();
  const pageSize = opts.pageSize ?? 1000;
  let isrcs = new Float64Array(1024);
  let statuses = new Uint8Array(1024);
  const keys: { key: string; index: number }[] = [];
  let n = 0;
  let reserved = 0;
  let after: string | null = null;
  for (;;) {
    opts.signal?.throwIfAborted();
    const page: CoverageRows[] = await deps.registry.coveragePage(after, pageSize);
    if (page.length === 0) break;
    for (const rows of page) {
      const isrc = rows.recording.isrc as string;
      const packed = packIsrc(isrc);
      if (packed < 0) continue;
      if (n === isrcs.length) {
        isrcs = grow(isrcs, new Float64Array(n * 2));
        statuses = grow(statuses, new Uint8Array(n * 2));
      }
      const uses = {} as Record<QueryUse, SnapshotStatus>;
      const input = {
        medium: rows.recording.kind,
        performerIds: rows.lineup.map((l) => l.performerId),
        mandates: rows.mandates,
        declarations,
      };
      for (const use of QUERY_USES)
        uses[use] = coverageVerdict(input, { at, use, territory: opts.territory });
      const b = statusByte(uses);
      if (anyReserved(b)) reserved++;
      isrcs[n] = packed;
      statuses[n] = b;
      const key = metadataKey(rows.recording.displayArtist, rows.recording.title);
      if (key !== null) keys.push({ key, index: n });
      n++;
    }
    after = page[page.length - 1]?.recording.isrc ?? null;
    opts.onProgress?.(n);
  }
  return { isrcs: isrcs.slice(0, n), statuses: statuses.slice(0, n), keys, reserved };
}

function grow<T extends Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
