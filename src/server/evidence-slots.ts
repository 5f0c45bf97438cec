/**
 * The evidence of kept batch items (check-kept.ts), one slot per declaration, mandate and performer,
 * shared by every kept item that names it: its JSON, written once, and its key in the batch being
 * written.
 *
 * Why: a batch of 10,000 recordings names thousands of performers and mandates. Giving each its key
 * through a map of ids per batch, and writing every mandate's JSON again, cost more than copying the
 * kept items themselves (BENCHMARKS.md, POST /v1/check). With one slot per piece of evidence, a batch
 * numbers a slot by stamping it (`stamp`, `num`) the first time an item names it, and writes its bytes.
 *
 * Slots are true for one registry version: the table starts again when the version changes, and the
 * items kept with the old slots go with them (check-kept.ts `KeptItems`).
 */
import type {
  DeclarationEvidence,
  EvidenceLists,
  MandateEvidence,
  PerformerEvidence,
} from '../registry/evidence.js';
import { JsonWriter } from './json-writer.js';
import { mandateHead, mandateTail, shared } from './status-json.js';

/** The kinds of evidence, in the order an answer's evidence object states them. */
export const SlotKind = { Declaration: 0, Mandate: 1, Performer: 2 } as const;
export type SlotKind = (typeof SlotKind)[keyof typeof SlotKind];

/** The letter of a kind's keys (`d1`, `m1`, `p1`...), as a character code. */
const KEY_LETTER = [0x64, 0x6d, 0x70] as const;

export interface Slot {
  kind: SlotKind;
  /**
   * What follows the entry's key: `":` and its JSON; of a mandate, up to the number of its performer's
   * key (`…,"performer":"p`). Pieces that a batch writes as they are, to make as few copies as it can.
   */
  json: Buffer;
  /** Of a mandate, the rest of its JSON after that number (`",…}`); else empty. */
  tail: Buffer;
  /** Of a mandate, its performer's slot; else null. */
  performer: Slot | null;
  /** The batch that last numbered this slot, and its number there (its key is the letter and this). */
  stamp: number;
  num: number;
}

const EMPTY = Buffer.alloc(0);
const COLON = Buffer.from('":');
const scratch = new JsonWriter(1024);

/** One table of slots per registry version, by entity id. */
export class SlotTable {
  private readonly byKind = [
    new Map<string, Slot>(),
    new Map<string, Slot>(),
    new Map<string, Slot>(),
  ] as const;
  /** Bytes of the slots' JSON, with about 100 for each slot and its map entry. */
  bytes = 0;

  /** Empties the table (a new registry version, or room for the kept items' evidence used up). */
  clear(): void {
    for (const m of this.byKind) m.clear();
    this.bytes = 0;
  }

  /**
   * The slots of one answer's evidence (its keys local to it: `p1` is `performers[0]`), performers
   * first, then mandates, then declarations, each in the answer's key order: the order a batch numbers
   * them in (check-kept.ts). The first slot made for an id serves every later answer: within one
   * registry version, an entity's evidence is the same in every answer (newest mandate versions, the
   * performer's row, the declaration's).
   */
  slotsOf(e: EvidenceLists): { performers: Slot[]; mandates: Slot[]; declarations: Slot[] } {
    const performers = e.performers.map((p) => this.slot(SlotKind.Performer, p, null));
    const mandates = e.mandates.map((m) =>
      this.slot(SlotKind.Mandate, m, performers[Number(m.performer.slice(1)) - 1] ?? null),
    );
    const declarations = e.declarations.map((d) => this.slot(SlotKind.Declaration, d, null));
    return { performers, mandates, declarations };
  }

  private slot(
    kind: SlotKind,
    e: DeclarationEvidence | MandateEvidence | PerformerEvidence,
    performer: Slot | null,
  ): Slot {
    const map = this.byKind[kind];
    let s = map.get(e.id);
    if (s !== undefined) return s;
    if (kind === SlotKind.Mandate) {
      if (performer === null) throw new Error(`mandate ${e.id} names a performer its answer lacks`);
      const m = e as MandateEvidence;
      mandateHead(scratch.reset().ascii('":'), m);
      const json = scratch.ascii('"p').take();
      mandateTail(scratch.byte(0x22), m);
      s = { kind, json, tail: scratch.take(), performer, stamp: 0, num: 0 };
    } else s = { kind, json: Buffer.concat([COLON, shared(e)]), tail: EMPTY, performer: null, stamp: 0, num: 0 };
    map.set(e.id, s);
    this.bytes += s.json.length + s.tail.length + 100;
    return s;
  }
}

/**
 * The evidence object of a batch from its numbered slots, `lists[kind]` in key order: byte for byte
 * `evidence()` of status-json.ts over the same evidence (check-kept.test.ts compares whole answers).
 */
export function writeSlots(w: JsonWriter, lists: readonly (readonly Slot[])[]): void {
  w.ascii('{"declarations":');
  byKey(w, lists[SlotKind.Declaration] as readonly Slot[]);
  w.ascii(',"mandates":');
  byKey(w, lists[SlotKind.Mandate] as readonly Slot[]);
  w.ascii(',"performers":');
  byKey(w, lists[SlotKind.Performer] as readonly Slot[]);
  w.ascii('}');
}

function byKey(w: JsonWriter, slots: readonly Slot[]): void {
  if (slots.length === 0) {
    w.ascii('{}');
    return;
  }
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as Slot;
    w.ascii(i === 0 ? '{"' : ',"')
      .byte(KEY_LETTER[s.kind])
      .digits(i + 1)
      .bytes(s.json);
    if (s.performer !== null) w.digits(s.performer.num).bytes(s.tail);
  }
  w.ascii('}');
}
