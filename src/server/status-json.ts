/**
 * The bytes of the status answers (`RecordingStatus` and `CheckResponse` in schemas/status.ts), written
 * with `JsonWriter` (see there why not fast-json-stringify or `JSON.stringify`). The declaration and
 * performer evidence does not change between requests (the snapshot reader hands out the same objects
 * until the registry changes), so its JSON is kept, as bytes, in a WeakMap keyed by object.
 * Only the fields of the schemas are written, in their order; the HTTP suites validate every answer
 * against the schemas and compare it, expanded, with the service's.
 */
import type { LicenceEvidence, LicensedReason, LicensedStatus, LicensedUse } from '../licensing/licensed.js';
import type { EvidenceLists, MandateEvidence } from '../registry/evidence.js';
import type { CoverageStatus } from '../registry/coverage.js';
import type { Recording } from '../registry/model.js';
import type { CheckItem, RecordingAnswer } from '../registry/status-lookup.js';
import { JsonWriter } from './json-writer.js';

/** The body of `POST /v1/check` with `detail: "full"`. */
export interface CheckResponse {
  count: number;
  detail: 'full';
  at: string;
  territory: string | null;
  /** `licensed` only in answers to a licensee. */
  summary: { reserved: number; licensed?: number; notCovered: number; unknown: number; invalid: number };
  items: (CheckItem | (Omit<Extract<CheckItem, { ok: true }>, 'status' | 'uses'> & LicensedStatus))[];
  evidence: AnswerEvidence;
}

/** The counts of a batch answer without licences. */
export type Summary = Record<'reserved' | 'notCovered' | 'unknown' | 'invalid', number>;

/** The summary of a batch's items: null for an invalid one, else its status. */
export function summarise(statuses: Iterable<CoverageStatus | null>): Summary {
  const s = { reserved: 0, notCovered: 0, unknown: 0, invalid: 0 };
  for (const status of statuses) {
    if (status === null) s.invalid++;
    else if (status === 'reserved') s.reserved++;
    else if (status === 'unknown') s.unknown++;
    else s.notCovered++;
  }
  return s;
}

const written = new WeakMap<object, Buffer>();

/** The JSON of an object shared between answers (declaration and performer evidence), written once. */
export function shared(o: object): Buffer {
  let json = written.get(o);
  if (json === undefined) {
    json = Buffer.from(JSON.stringify(o));
    written.set(o, json);
  }
  return json;
}

function recording(w: JsonWriter, r: Recording | null): void {
  if (r === null) {
    w.ascii('null');
    return;
  }
  w.ascii('{"id":').str(r.id).ascii(',"kind":').str(r.kind).ascii(',"isrc":').str(r.isrc);
  w.ascii(',"isan":').str(r.isan).ascii(',"eidr":').str(r.eidr).ascii(',"iswc":').str(r.iswc);
  w.ascii(',"title":').str(r.title).ascii(',"versionTitle":').str(r.versionTitle);
  w.ascii(',"displayArtist":').str(r.displayArtist).ascii(',"durationMs":').int(r.durationMs);
  w.ascii(',"year":').int(r.year).ascii(',"label":').str(r.label).ascii('}');
}

type UseReasons = { status: string; reasons: readonly LicensedReason[] };
type CompactUse = LicensedUse;
type CompactUses = LicensedStatus['uses'];
type CompactStatus = LicensedStatus;
/** The evidence of an answer; `licences` only in answers to a licensee that holds a covering licence. */
type AnswerEvidence = EvidenceLists & { licences?: readonly LicenceEvidence[] };

/** `GET /v1/recordings/{isrc}`'s answer, possibly as a licensee sees it (licensing/licensed.ts). */
export type StatusAnswerBody = Omit<RecordingAnswer, 'status' | 'uses' | 'evidence'> & LicensedStatus & { evidence: AnswerEvidence };

/** Where evidence keys were written: the start and end offset of each, quotes included, in order. */
export type KeySpans = number[];

function reasons(w: JsonWriter, u: UseReasons, spans: KeySpans | undefined): void {
  w.ascii('"reasons":[');
  u.reasons.forEach((r, i) => {
    w.ascii(i === 0 ? '{"code":' : ',{"code":').str(r.code);
    const key =
      'declaration' in r
        ? (w.ascii(',"declaration":'), r.declaration)
        : 'mandate' in r
          ? (w.ascii(',"mandate":'), r.mandate)
          : 'performer' in r
            ? (w.ascii(',"performer":'), r.performer)
            : 'licence' in r
              ? (w.ascii(',"licence":'), r.licence)
              : undefined;
    if (key !== undefined) {
      spans?.push(w.length);
      w.str(key);
      spans?.push(w.length);
    }
    w.ascii('}');
  });
  w.ascii(']');
}

const frozenUses = new WeakMap<CompactUses, Buffer>();

function uses(w: JsonWriter, all: CompactUses, spans?: KeySpans): void {
  // Frozen: shared by every answer asking the same about an unknown recording (compact.ts).
  if (spans === undefined && Object.isFrozen(all)) {
    let json = frozenUses.get(all);
    if (json === undefined) {
      json = Buffer.from(writeUses(new JsonWriter(256), all).result());
      frozenUses.set(all, json);
    }
    w.bytes(json);
    return;
  }
  writeUses(w, all, spans);
}

function writeUses(w: JsonWriter, all: CompactUses, spans?: KeySpans): JsonWriter {
  let first = true;
  for (const use in all) {
    const u = all[use as keyof CompactUses] as CompactUse;
    w.ascii(first ? '{' : ',')
      .str(use)
      .ascii(':{"status":')
      .str(u.status)
      .ascii(',');
    if ('sameAs' in u) w.ascii('"sameAs":').str(u.sameAs);
    else reasons(w, u, spans);
    w.ascii('}');
    first = false;
  }
  return w.ascii(first ? '{}' : '}');
}

function mandate(w: JsonWriter, m: MandateEvidence): void {
  mandateHead(w, m);
  w.str(m.performer);
  mandateTail(w, m);
}

/** A mandate's evidence up to its performer key: `{"id":…,"version":…,"performer":`. */
export function mandateHead(w: JsonWriter, m: MandateEvidence): void {
  w.ascii('{"id":').str(m.id).ascii(',"version":').int(m.version).ascii(',"performer":');
}

/** A mandate's evidence after its performer key: `,"legalBasis":…}`. */
export function mandateTail(w: JsonWriter, m: MandateEvidence): void {
  w.ascii(',"legalBasis":').str(m.legalBasis);
  w.ascii(',"uses":');
  list(w, m.uses);
  w.ascii(',"media":');
  list(w, m.media);
  w.ascii(',"territories":');
  list(w, m.territories);
  w.ascii(',"validFrom":').str(m.validFrom).ascii(',"validTo":').str(m.validTo);
  w.ascii(',"withdrawnAt":').str(m.withdrawnAt).ascii('}');
}

function list(w: JsonWriter, xs: readonly string[]): void {
  xs.forEach((x, i) => w.ascii(i === 0 ? '[' : ',').str(x));
  w.ascii(xs.length === 0 ? '[]' : ']');
}

/** A list as an object keyed `<prefix>1`, `<prefix>2`... (see `EvidenceLists`). */
function byKey<T extends object>(
  w: JsonWriter,
  prefix: string,
  entries: readonly T[],
  write: (w: JsonWriter, e: T) => void,
): void {
  for (let i = 0; i < entries.length; i++) {
    w.ascii(`${i === 0 ? '{' : ','}"${prefix}${i + 1}":`);
    write(w, entries[i] as T);
  }
  w.ascii(entries.length === 0 ? '{}' : '}');
}

function licence(w: JsonWriter, l: LicenceEvidence): void {
  w.ascii('{"id":').str(l.id).ascii(',"uses":');
  list(w, l.uses);
  w.ascii(',"media":');
  list(w, l.media);
  w.ascii(',"territories":');
  list(w, l.territories);
  w.ascii(',"from":').str(l.from).ascii(',"to":').str(l.to).ascii(',"product":').str(l.product);
  w.ascii(',"tariff":{"id":').str(l.tariff.id).ascii(',"version":').int(l.tariff.version).ascii('}}');
}

export function evidence(w: JsonWriter, e: AnswerEvidence): void {
  w.ascii('{"declarations":');
  byKey(w, 'd', e.declarations, (w, d) => w.bytes(shared(d)));
  // Mandate entries name their performer by a key of this answer: written per answer.
  w.ascii(',"mandates":');
  byKey(w, 'm', e.mandates, mandate);
  w.ascii(',"performers":');
  byKey(w, 'p', e.performers, (w, p) => w.bytes(shared(p)));
  if (e.licences !== undefined && e.licences.length > 0) {
    w.ascii(',"licences":');
    byKey(w, 'l', e.licences, licence);
  }
  w.ascii('}');
}

/** `,"status":…,"recording":…,"uses":…` of an answer or a batch item; `spans` collects where its evidence keys are. */
export function statusFields(w: JsonWriter, c: CompactStatus, spans?: KeySpans): void {
  w.ascii(',"status":').str(c.status).ascii(',"recording":');
  recording(w, c.recording);
  w.ascii(',"uses":');
  uses(w, c.uses, spans);
}

/** One writer for every single answer (they are written synchronously, one at a time), copied out. */
const single = new JsonWriter(1 << 16);

/** `RecordingStatus`, as UTF-8. */
export function recordingStatusBytes(a: StatusAnswerBody): Buffer {
  const w = single.reset();
  w.ascii('{"query":').str(a.query).ascii(',"identifier":').str(a.identifier);
  w.ascii(',"at":').str(a.at).ascii(',"territory":').str(a.territory);
  statusFields(w, a);
  w.ascii(',"evidence":');
  evidence(w, a.evidence);
  return w.ascii('}').take();
}

/** `CheckResponse` with `detail: "full"`, as UTF-8: the items, then the evidence of them all. */
export function checkResponseBytes(c: CheckResponse): Buffer {
  // About 800 bytes an item; the writer grows if need be.
  const w = new JsonWriter(4096 + 800 * c.items.length);
  checkHead(w, c);
  c.items.forEach((item, i) => {
    w.ascii(i === 0 ? '{"input":' : ',{"input":').str(item.input);
    if (item.ok) {
      w.ascii(',"ok":true,"identifier":').str(item.identifier);
      statusFields(w, item);
    } else invalid(w, item.error);
    w.ascii('}');
  });
  w.ascii('],"evidence":');
  evidence(w, c.evidence);
  return w.ascii('}').result();
}

/** A full batch answer up to its first item: `{"count":…,"summary":{…},"items":[`. */
export function checkHead(w: JsonWriter, c: Pick<CheckResponse, 'count' | 'at' | 'territory' | 'summary'>): void {
  const { summary: s } = c;
  w.ascii(`{"count":${c.count},"detail":"full","at":`).str(c.at).ascii(',"territory":').str(c.territory);
  const licensed = s.licensed === undefined ? '' : `"licensed":${s.licensed},`;
  w.ascii(
    `,"summary":{"reserved":${s.reserved},${licensed}"notCovered":${s.notCovered},"unknown":${s.unknown},"invalid":${s.invalid}}`,
  );
  w.ascii(',"items":[');
}

/** The rest of an invalid item, after its input. */
export function invalid(w: JsonWriter, error: { code: string; message: string }): void {
  w.ascii(',"ok":false,"error":{"code":').str(error.code).ascii(',"message":').str(error.message).ascii('}');
}
