/**
 * `POST /v1/check` of the default question (no `at`, `use` or `territory`) answered from items kept
 * while they hold (kept.ts): byte for byte the answer of `checkAnswerBytes` over the same snapshot
 * (src/server/check-kept.test.ts compares them on random registries).
 *
 * Why: looking an item up (recording, line-up, performer facts, the verdict per use with its reasons)
 * costs several times what writing it does, and batches ask about the same recordings again and again
 * between two changes of the registry (BENCHMARKS.md, HTTP lookups).
 *
 * An item is kept as its bytes after `"input":…` in both forms, the full one with where its evidence
 * keys are and the evidence slot each names (evidence-slots.ts: one per declaration, mandate and
 * performer, shared by the kept items). A batch numbers the slots of its items in key order, as the
 * lookup's collector names evidence (per kind, in the order items first name it), and writes the kept
 * bytes with those numbers in place: the keys and the evidence object come out as if every item had
 * been worked out in the batch.
 */
import type { CoverageStatus } from '../registry/coverage.js';
import type { HeldItem, ReaderStatusLookup } from '../registry/status-lookup-reader.js';
import { invalidItem, isrcOf, tooMany } from '../registry/status-lookup-model.js';
import { SlotTable, SlotKind, writeSlots, type Slot } from './evidence-slots.js';
import { JsonWriter } from './json-writer.js';
import { Kept } from './kept.js';
import { checkHead, invalid, statusFields, summarise, type KeySpans, type Summary } from './status-json.js';

/** One recording's batch item, as kept. */
export interface KeptItem {
  status: CoverageStatus;
  /**
   * `,"ok":true,"identifier":…,"uses":{…}}` of the full form in pieces (views of one buffer), cut where
   * the numbers of its evidence keys go: a batch writes piece, number, piece... (one piece more than
   * `refs`). Views made once, since making one per copy cost as much as the copy.
   */
  pieces: Buffer[];
  /** The evidence each key names, in order. */
  refs: Slot[];
  /** All of the item's evidence, in the order a batch numbers it (SlotTable.slotsOf). */
  slots: Slot[];
  /** `,"ok":true,"identifier":…,"status":…,"uses":{…}}` of the status-only form. */
  statusOnly: Buffer;
}

const KIND: Record<string, SlotKind> = { d: SlotKind.Declaration, m: SlotKind.Mandate, p: SlotKind.Performer };

/** The kept form of an item, its evidence in `table`'s slots. */
export function keptItem(held: HeldItem, table: SlotTable, w = new JsonWriter(4096)): KeptItem {
  const { status: c } = held;
  w.reset().ascii(',"ok":true,"identifier":').str(c.identifier);
  const spans: KeySpans = [];
  statusFields(w, c, spans);
  const full = w.ascii('}').take();
  const { performers, mandates, declarations } = table.slotsOf(held.evidence);
  const byKind: Slot[][] = [declarations, mandates, performers];
  const pieces: Buffer[] = [];
  const refs: Slot[] = [];
  let from = 0;
  for (let i = 0; i < spans.length; i += 2) {
    // The key without its quotes: a letter and a number, as EvidenceCollector makes them; the number is cut out.
    const key = full.toString('latin1', (spans[i] as number) + 1, (spans[i + 1] as number) - 1);
    pieces.push(full.subarray(from, (spans[i] as number) + 2));
    from = (spans[i + 1] as number) - 1;
    const kind = KIND[key[0] as string];
    const slot = kind === undefined ? undefined : byKind[kind]?.[Number(key.slice(1)) - 1];
    if (slot === undefined) throw new Error(`unexpected evidence key ${key}`);
    refs.push(slot);
  }
  pieces.push(from === 0 ? full : full.subarray(from));
  const uses: Record<string, { status: CoverageStatus }> = {};
  for (const [use, u] of Object.entries(c.uses)) uses[use] = { status: u.status };
  const json = JSON.stringify({ ok: true, identifier: c.identifier, status: c.status, uses });
  return {
    status: c.status,
    pieces,
    refs,
    slots: [...performers, ...mandates, ...declarations],
    statusOnly: Buffer.from(`,${json.slice(1)}`),
  };
}

/** Bytes an item is counted for: its two forms, about 100 for each view of a piece, and its lists of evidence. */
const itemBytes = (k: KeptItem): number =>
  k.pieces.reduce((n, p) => n + p.length + 100, 0) + k.statusOnly.length + 128 + 16 * (k.slots.length + k.refs.length);

/**
 * The kept items of one thread and their evidence slots, within `maxBytes`: a quarter for the slots,
 * the rest for the items (the oldest go first when full, kept.ts). Slots are not dropped one by one,
 * since items share them: when their room is used up, or the registry's version changes, items and
 * slots start again together.
 */
export class KeptItems {
  private readonly items: Kept<KeptItem>;
  private readonly slots = new SlotTable();
  private readonly maxSlotBytes: number;
  private version = Number.NaN;

  constructor(maxBytes: number) {
    this.items = new Kept<KeptItem>(Math.floor((maxBytes * 3) / 4));
    this.maxSlotBytes = Math.floor(maxBytes / 4);
  }

  /** Items kept and their bytes; evidence slots' bytes. */
  get stats(): { values: number; bytes: number; slotBytes: number } {
    return { ...this.items.stats, slotBytes: this.slots.bytes };
  }

  /**
   * Before each batch, with the registry version it reads: starts again when that version is new or
   * the slots' room is used up. Never within a batch, whose items must share one slot per entity.
   */
  begin(version: number): void {
    if (version === this.version && this.slots.bytes <= this.maxSlotBytes) return;
    this.version = version;
    this.slots.clear();
    this.items.clear();
  }

  /** The item kept for `isrc`, or worked out with `held` and kept while it holds (after `begin`, for its version). */
  item(isrc: string, nowMs: number, held: (isrc: string) => HeldItem): KeptItem {
    let k = this.items.get(isrc, this.version, nowMs);
    if (k === null) {
      const h = held(isrc);
      k = keptItem(h, this.slots, itemWriter);
      if (h.until > nowMs) this.items.set(isrc, this.version, h.until, k, itemBytes(k));
    }
    return k;
  }
}

/** The answer to `POST /v1/check` of the default question about `inputs`, from kept items where they hold. */
export function keptCheckBytes(
  lookup: ReaderStatusLookup,
  kept: KeptItems,
  inputs: readonly string[],
  detail: 'full' | 'status',
  alloc?: (size: number) => Buffer,
): Buffer {
  tooMany(inputs);
  const ids = inputs.map(isrcOf);
  // In key order, each ISRC once, as ReaderStatusLookup.check: its evidence keys are given in that order.
  const unique = new Set<string>();
  for (const id of ids) if (id.ok) unique.add(id.value);
  const keys = [...unique].sort();
  return lookup.heldItems((batch) => {
    const nowMs = Date.parse(batch.at);
    const items = new Map<string, KeptItem>();
    kept.begin(batch.version);
    for (const key of keys) items.set(key, kept.item(key, nowMs, batch.item));
    const summary = summarise(ids.map((id) => (id.ok ? (items.get(id.value) as KeptItem).status : null)));
    const head = { count: inputs.length, at: batch.at, territory: null, summary };
    return (detail === 'full' ? writeFull(head, inputs, ids, keys, items) : writeStatus(head, inputs, ids, items)).take(alloc);
  });
}

// One writer of each form per thread, grown to the largest answer once; each answer is copied out of it
// into a buffer of its own size, or one the caller gives (a check worker's, which it hands over whole
// and gets back once sent: check-worker.ts).
const fullWriter = new JsonWriter(1 << 20);
const itemWriter = new JsonWriter(4096);
const statusWriter = new JsonWriter(1 << 20);

type Head = { count: number; at: string; territory: null; summary: Summary };
type Ids = ReturnType<typeof isrcOf>[];

// The batch being numbered, and its evidence in key order, by kind (reused from batch to batch).
let stamp = 0;
const numbered: Slot[][] = [[], [], []];

function writeFull(head: Head, inputs: readonly string[], ids: Ids, keys: readonly string[], items: Map<string, KeptItem>): JsonWriter {
  // Every slot numbered in key order, as the lookup's collector would name them (see the head comment).
  stamp++;
  for (const list of numbered) list.length = 0;
  for (const key of keys)
    for (const slot of (items.get(key) as KeptItem).slots)
      if (slot.stamp !== stamp) {
        slot.stamp = stamp;
        slot.num = (numbered[slot.kind] as Slot[]).push(slot);
      }
  const w = fullWriter.reset();
  checkHead(w, head);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as string;
    w.ascii(i === 0 ? '{"input":' : ',{"input":').str(input);
    const id = ids[i] as Ids[number];
    if (!id.ok) {
      invalid(w, invalidItem(input, id.reason).error);
      w.ascii('}');
      continue;
    }
    const { pieces, refs } = items.get(id.value) as KeptItem;
    for (let j = 0; j < refs.length; j++) w.bytes(pieces[j] as Buffer).digits((refs[j] as Slot).num);
    w.bytes(pieces[refs.length] as Buffer);
  }
  w.ascii('],"evidence":');
  writeSlots(w, numbered);
  return w.ascii('}');
}

function writeStatus(head: Head, inputs: readonly string[], ids: Ids, items: Map<string, KeptItem>): JsonWriter {
  const w = statusWriter.reset();
  w.ascii(`{"count":${head.count},"detail":"status","at":`).str(head.at);
  w.ascii(`,"territory":null,"summary":${JSON.stringify(head.summary)},"items":[`);
  inputs.forEach((input, i) => {
    w.ascii(i === 0 ? '{"input":' : ',{"input":').str(input);
    const id = ids[i] as Ids[number];
    if (id.ok) w.bytes((items.get(id.value) as KeptItem).statusOnly);
    else w.ascii(`,"ok":false,"error":${JSON.stringify(invalidItem(input, id.reason).error)}}`);
  });
  return w.ascii(']}');
}
