/**
 * What the registry accepts from people and files (performers, mandates, recordings, declarations), and the
 * pure validation and normalisation that turn it into domain values or a coded error naming the field.
 */
import { randomUUID } from 'node:crypto';
import { RegistryError } from './errors.js';
import { parseEidr, parseIpi, parseIpn, parseIsan, parseIsni, parseIsrc, parseIswc, type IdParse } from './identifiers.js';
import { MEDIA, toInstant, WORLD, type LegalBasis, type Medium, type Performer, type Recording, type Use } from './model.js';

export interface PerformerInput {
  displayName: string;
  sortName?: string | null;
  aliases?: string[];
  memberNo?: string | null;
  isni?: string | null;
  ipn?: string | null;
  ipi?: string | null;
  member?: boolean;
}

export interface MandateInput {
  performerId: string;
  legalBasis: LegalBasis;
  uses?: Use[];
  media?: Medium[];
  territories?: string[];
  validFrom: string;
  validTo?: string | null;
  sourceRef?: string | null;
  mandateId?: string;
}

export interface RecordingInput {
  kind: Medium;
  isrc?: string | null;
  isan?: string | null;
  eidr?: string | null;
  iswc?: string | null;
  title: string;
  versionTitle?: string | null;
  displayArtist: string;
  durationMs?: number | null;
  year?: number | null;
  label?: string | null;
}

export interface DeclarationInput {
  issuer: string;
  legalBasis?: string;
  uses?: Use[];
  media?: Medium[];
  territories?: string[];
  effectiveFrom: string;
}

function must(field: string, r: IdParse): string {
  if (!r.ok) throw new RegistryError('REGISTRY_INVALID_ID', `${field}: ${r.reason}`, { details: { field } });
  return r.value;
}
function optId(field: string, raw: string | null | undefined, parse: (s: string) => IdParse): string | null {
  return raw == null || raw.trim() === '' ? null : must(field, parse(raw));
}
export function instant(field: string, raw: string): string {
  const v = toInstant(raw);
  if (v === null) throw new RegistryError('REGISTRY_INVALID_INPUT', `${field}: not an ISO-8601 date or date-time: ${raw}`, { details: { field } });
  return v;
}
export function subset<T extends string>(field: string, values: readonly string[] | undefined, allowed: readonly T[], dflt: readonly T[]): T[] {
  if (values === undefined || values.length === 0) return [...dflt];
  for (const v of values) {
    if (!allowed.includes(v as T)) {
      throw new RegistryError('REGISTRY_INVALID_INPUT', `${field}: ${v} is not one of ${allowed.join(', ')}`, { details: { field } });
    }
  }
  return [...new Set(values)] as T[];
}
export function territories(values: readonly string[] | undefined): string[] {
  if (values === undefined || values.length === 0) return [WORLD];
  return [...new Set(values.map((t) => t.trim().toUpperCase()))].map((t) => {
    if (t !== WORLD && !/^[A-Z]{2}$/.test(t)) {
      throw new RegistryError('REGISTRY_INVALID_INPUT', `territories: ${t} is not an ISO 3166-1 alpha-2 code or WORLD`, { details: { field: 'territories' } });
    }
    return t;
  });
}
export function text(field: string, v: string | null | undefined, required: true): string;
export function text(field: string, v: string | null | undefined, required: false): string | null;
export function text(field: string, v: string | null | undefined, required: boolean): string | null {
  const t = v?.trim() ?? '';
  if (t === '') {
    if (required) throw new RegistryError('REGISTRY_INVALID_INPUT', `${field}: required`, { details: { field } });
    return null;
  }
  return t;
}

/** `Family, Given` sort form for a `Given Family` display name (single names are kept). */
export function defaultSortName(displayName: string): string {
  const parts = displayName.trim().split(/\s+/);
  if (parts.length < 2) return displayName.trim();
  const last = parts.pop() as string;
  return `${last}, ${parts.join(' ')}`;
}

export function normalisePerformer(input: PerformerInput, id: string = randomUUID()): Performer {
  const displayName = text('displayName', input.displayName, true);
  return {
    id,
    displayName,
    sortName: text('sortName', input.sortName, false) ?? defaultSortName(displayName),
    aliases: (input.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    memberNo: text('memberNo', input.memberNo, false),
    isni: optId('isni', input.isni, parseIsni),
    ipn: optId('ipn', input.ipn, parseIpn),
    ipi: optId('ipi', input.ipi, parseIpi),
    member: input.member ?? input.memberNo != null,
  };
}

export function normaliseRecording(input: RecordingInput, id: string = randomUUID()): Recording {
  const kind = subset('kind', [input.kind], MEDIA, [])[0] as Medium;
  const r: Recording = {
    id,
    kind,
    isrc: optId('isrc', input.isrc, parseIsrc),
    isan: optId('isan', input.isan, parseIsan),
    eidr: optId('eidr', input.eidr, parseEidr),
    iswc: optId('iswc', input.iswc, parseIswc),
    title: text('title', input.title, true),
    versionTitle: text('versionTitle', input.versionTitle, false),
    displayArtist: text('displayArtist', input.displayArtist, true),
    durationMs: input.durationMs ?? null,
    year: input.year ?? null,
    label: text('label', input.label, false),
  };
  if (r.isrc === null && r.isan === null && r.eidr === null) {
    throw new RegistryError('REGISTRY_INVALID_INPUT', 'a recording needs an ISRC, an ISAN or an EIDR', { details: { field: 'isrc' } });
  }
  if (r.durationMs !== null && (!Number.isInteger(r.durationMs) || r.durationMs < 0)) {
    throw new RegistryError('REGISTRY_INVALID_INPUT', 'durationMs: a non-negative integer', { details: { field: 'durationMs' } });
  }
  if (r.year !== null && (!Number.isInteger(r.year) || r.year < 1850 || r.year > 2200)) {
    throw new RegistryError('REGISTRY_INVALID_INPUT', 'year: between 1850 and 2200', { details: { field: 'year' } });
  }
  return r;
}
