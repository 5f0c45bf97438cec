/**
 * `POST /v1/check` of the default question (no `at`, `use` or `territory`) answered from items kept
 * while they hold (kept.ts): byte for byte the answer of `checkAnswerBytes` over the same snapshot
 * (src/server/check-kept.test.ts compares them on random registries).
 *
 * Why: looking an item up (recording, line-up, performer facts, the verdict per use with its reasons)
 * costs several times what writing it does, and batches ask about the same recordings again and again
 * between two changes of the registry (BENCHMARKS.md, HTTP lookups).
 *
 * An item is kept as its bytes after `"input":…` in both forms, the full one with its own evidence keys
 * (`d1`, `m1`, `p1`... local to the item) and where they are. A batch takes each item's evidence into
 * its own collector, in key order as the lookup does, which gives each local key its key in the batch,
 * and writes the kept bytes with those keys in place: the keys and the evidence object come out as
 * if every item had been worked out in the batch.
 */
import type { CoverageStatus } from '../registry/coverage.js';
import { EvidenceCollector, type EvidenceLists } from '../registry/evidence.js';
import type { HeldItem, ReaderStatusLookup } from '../registry/status-lookup-reader.js';
import { invalidItem, isrcOf, tooMany } from '../registry/status-lookup-model.js';
import { JsonWriter } from './json-writer.js';
import type { Kept } from './kept.js';
import { checkHead, evidence, invalid, statusFields, summarise, type KeySpans, type Summary } from './status-json.js';

/** One recording's batch item, as kept. */
export interface KeptItem {
  status: CoverageStatus;
  /** `,"ok":true,"identifier":…,"uses":{…}}` of the full form, with the item's own evidence keys. */
  full: Buffer;
  /** Where those keys are in `full`: start and end offsets, quotes included. */
  spans: KeySpans;
  /** Which evidence each key names: 0 a declaration, 1 a mandate, 2 a performer; then its index. */
  refs: Uint32Array;
  /** `,"ok":true,"identifier":…,"status":…,"uses":{…}}` of the status-only form. */
  statusOnly: Buffer;
  evidence: EvidenceLists;
}

const KIND: Record<string, number> = { d: 0, m: 1, p: 2 };

/** The kept form of an item. */
export function keptItem(held: HeldItem, w = new JsonWriter(4096)): KeptItem {
  const { status: c } = held;
  w.reset().ascii(',"ok":true,"identifier":').str(c.identifier);
  const spans: KeySpans = [];
  statusFields(w, c, spans);
  const full = w.ascii('}').take();
  const refs = new Uint32Array(spans.length);
  for (let i = 0; i < spans.length; i += 2) {
    // The key without its quotes: a letter and a number, as EvidenceCollector makes them.
    const key = full.toString('latin1', (spans[i] as number) + 1, (spans[i + 1] as number) - 1);
    const kind = KIND[key[0] as string];
    if (kind === undefined) throw new Error(`unexpected evidence key ${key}`);
    refs[i] = kind;
    refs[i + 1] = Number(key.slice(1)) - 1;
  }
  const uses: Record<string, { status: CoverageStatus }> = {};
  for (const [use, u] of Object.entries(c.uses)) uses[use] = { status: u.status };
  const json = JSON.stringify({ ok: true, identifier: c.identifier, status: c.status, uses });
  return { status: c.status, full, spans, refs, statusOnly: Buffer.from(`,${json.slice(1)}`), evidence: held.evidence };
}

/** Bytes an item is counted for: its two forms and about 200 for each piece of its own evidence. */
const itemBytes = (k: KeptItem): number =>
  k.full.length + k.statusOnly.length + 200 * (k.evidence.mandates.length + 1);

// Batch keys of one item's evidence while it is taken in, reused from item to item.
const pKeys: string[] = [];
const mKeys: string[] = [];
const dKeys: string[] = [];
const BY_KIND = [dKeys, mKeys, pKeys];

/** The batch keys of an item's evidence keys, its evidence taken into `c` (see the head comment). */
function batchKeys(k: KeptItem, c: EvidenceCollector): string[] {
  const { declarations, mandates, performers } = k.evidence;
  pKeys.length = mKeys.length = dKeys.length = 0;
  for (const e of performers) pKeys.push(c.performerEvidence(e));
  for (const e of mandates) mKeys.push(c.mandateEvidence(e, pKeys[Number(e.performer.slice(1)) - 1] as string));
  for (const e of declarations) dKeys.push(c.declarationEvidence(e));
  const out = new Array<string>(k.refs.length / 2);
  for (let i = 0; i < k.refs.length; i += 2)
    out[i / 2] = (BY_KIND[k.refs[i] as number] as string[])[k.refs[i + 1] as number] as string;
  return out;
}

/** The answer to `POST /v1/check` of the default question about `inputs`, from kept items where they hold. */
export function keptCheckBytes(
  lookup: ReaderStatusLookup,
  kept: Kept<KeptItem>,
  inputs: readonly string[],
  detail: 'full' | 'status',
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
    for (const key of keys) {
      let k = kept.get(key, batch.version, nowMs);
      if (k === null) {
        const held = batch.item(key);
        k = keptItem(held, itemWriter);
        if (held.until > nowMs) kept.set(key, batch.version, held.until, k, itemBytes(k));
      }
      items.set(key, k);
    }
    const summary = summarise(ids.map((id) => (id.ok ? (items.get(id.value) as KeptItem).status : null)));
    const head = { count: inputs.length, at: batch.at, territory: null, summary };
    return detail === 'full' ? writeFull(head, inputs, ids, keys, items) : writeStatus(head, inputs, ids, items);
  });
}

// One writer of each form per thread, grown to the largest answer once; each answer is copied out of it
// into a buffer of its own size, which a check worker hands over whole (check-worker.ts).
const fullWriter = new JsonWriter(1 << 20);
const itemWriter = new JsonWriter(4096);
const statusWriter = new JsonWriter(1 << 20);

type Head = { count: number; at: string; territory: null; summary: Summary };
type Ids = ReturnType<typeof isrcOf>[];

function writeFull(head: Head, inputs: readonly string[], ids: Ids, keys: readonly string[], items: Map<string, KeptItem>): Buffer {
  const collector = new EvidenceCollector();
  const keysOf = new Map<string, string[]>();
  for (const key of keys) keysOf.set(key, batchKeys(items.get(key) as KeptItem, collector));
  const w = fullWriter.reset();
  checkHead(w, head);
  inputs.forEach((input, i) => {
    w.ascii(i === 0 ? '{"input":' : ',{"input":').str(input);
    const id = ids[i] as Ids[number];
    if (!id.ok) {
      invalid(w, invalidItem(input, id.reason).error);
      w.ascii('}');
      return;
    }
    const k = items.get(id.value) as KeptItem;
    const names = keysOf.get(id.value) as string[];
    let from = 0;
    for (let j = 0; j < names.length; j++) {
      w.range(k.full, from, (k.spans[2 * j] as number) + 1).ascii(names[j] as string);
      from = (k.spans[2 * j + 1] as number) - 1;
    }
    w.range(k.full, from, k.full.length);
  });
  w.ascii('],"evidence":');
  evidence(w, collector.lists);
  return w.ascii('}').take();
}

function writeStatus(head: Head, inputs: readonly string[], ids: Ids, items: Map<string, KeptItem>): Buffer {
  const w = statusWriter.reset();
  w.ascii(`{"count":${head.count},"detail":"status","at":`).str(head.at);
  w.ascii(`,"territory":null,"summary":${JSON.stringify(head.summary)},"items":[`);
  inputs.forEach((input, i) => {
    w.ascii(i === 0 ? '{"input":' : ',{"input":').str(input);
    const id = ids[i] as Ids[number];
    if (id.ok) w.bytes((items.get(id.value) as KeptItem).statusOnly);
    else w.ascii(`,"ok":false,"error":${JSON.stringify(invalidItem(input, id.reason).error)}}`);
  });
  return w.ascii(']}').take();
}
