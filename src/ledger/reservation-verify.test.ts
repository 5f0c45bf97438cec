import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Declaration, MandateVersion, Recording } from '../registry/model.js';
import { MemoryLog } from '../../test/support/memory-log.js';
import { declarationEntry, declarationWithdrawnEntry, lineupEntry, mandateEntry } from './entries.js';
import { generateNoteKey } from './note-keys.js';
import type { ProofQuery, ReservationProof } from './reservation-proof.js';
import { verifyReservationProof } from './reservation-verify.js';

const T = (s: string) => `${s}T00:00:00.000Z`;
const m1: MandateVersion = {
  id: 'v1',
  mandateId: 'm1',
  version: 1,
  performerId: 'p1',
  legalBasis: 'express',
  uses: ['ai-training', 'genai-training', 'ai-inference'],
  media: ['sound'],
  territories: ['WORLD'],
  validFrom: T('2024-01-01'),
  validTo: null,
  withdrawnAt: null,
  sourceRef: null,
  change: 'initial',
  recordedAt: T('2025-01-10'),
};
const m1fr: MandateVersion = { ...m1, id: 'v2', version: 2, territories: ['FR'], change: 'correction', recordedAt: T('2025-09-01') };
const other: MandateVersion = { ...m1, id: 'v9', mandateId: 'm9', performerId: 'p9', recordedAt: T('2025-01-11') };
const rec: Recording = { id: 'r1', kind: 'sound', isrc: 'FRZ032500001', isan: null, eidr: null, iswc: null, title: 'La Mer', versionTitle: null, displayArtist: 'J', durationMs: null, year: null, label: null };
const rec2: Recording = { ...rec, id: 'r2', isrc: 'FRZ032500002' };
const decl: Declaration = { id: 'd1', issuer: 'CMO', legalBasis: 'Art. 4(3)', uses: ['ai-training', 'genai-training', 'ai-inference'], media: ['sound', 'audiovisual'], territories: ['WORLD'], effectiveFrom: T('2024-06-01'), withdrawnAt: null, createdAt: T('2025-01-20') };
const member = (performerId: string) => ({ performerId, role: 'LeadVocalist', instrument: null, featured: true, position: 1 });

const query = (at: string, extra: Partial<ProofQuery> = {}): ProofQuery => ({ recordingId: 'r1', isrc: 'FRZ032500001', at: T(at), uses: ['ai-training', 'search'], territory: null, ...extra });

describe('proofs of reservation', () => {
  let log: MemoryLog;
  let doc: ReservationProof;
  let key: string;
  beforeAll(() => {
    log = new MemoryLog().append(
      mandateEntry(m1), // 0
      mandateEntry(other), // 1
      lineupEntry(rec, [member('p1')], [], T('2025-01-15')), // 2
      lineupEntry(rec2, [member('p9')], [], T('2025-01-16')), // 3
      declarationEntry(decl), // 4
      mandateEntry(m1fr), // 5
      declarationWithdrawnEntry('d1', T('2026-06-01'), T('2026-01-01')), // 6
    );
    key = log.key.verifierKey;
    doc = log.proof(query('2025-06-01'))!;
  });

  it('carries the line-up, the declaration and the covering mandate known then, and verifies', () => {
    expect(doc.entries.map((e) => e.index)).toEqual([0, 2, 4]);
    expect(doc.uses.map((u) => [u.use, u.status])).toEqual([
      ['ai-training', 'reserved'],
      ['search', 'not-covered'],
    ]);
    const check = verifyReservationProof(doc, key);
    expect(check).toMatchObject({ ok: true, isrc: 'FRZ032500001', at: T('2025-06-01'), treeSize: 7, origin: 'memory.example/log' });
  });

  it('follows what was known at the instant: corrections, withdrawals, late registrations', () => {
    // After the correction to FR only, every known version of the mandate is carried.
    const later = log.proof(query('2025-10-01', { territory: 'FR' }))!;
    expect(later.entries.map((e) => e.index)).toEqual([0, 2, 4, 5]);
    expect(verifyReservationProof(later, key).ok).toBe(true);
    expect(log.proof(query('2025-10-01', { territory: 'DE' }))).toBeNull();
    // The withdrawal logged on 2026-01-01 takes effect on 2026-06-01: carried, and still reserved before.
    const withdrawn = log.proof(query('2026-02-01', { territory: 'FR' }))!;
    expect(withdrawn.entries.map((e) => e.index)).toEqual([0, 2, 4, 5, 6]);
    expect(verifyReservationProof(withdrawn, key).ok).toBe(true);
    expect(log.proof(query('2026-07-01'))).toBeNull();
    // Before the declaration was logged nothing was reserved, though it is effective from 2024-06-01.
    expect(log.proof(query('2025-01-19'))).toBeNull();
  });

  const mutate = (f: (d: ReservationProof) => void): ReservationProof => {
    const copy = structuredClone(doc);
    f(copy);
    return copy;
  };

  it.each<[string, () => unknown, string, string?]>([
    ['a bad key', () => doc, 'BAD_KEY', 'not-a-key'],
    ['a non-object', () => 'proof', 'MALFORMED'],
    ['another format', () => mutate((d) => ((d as { format: string }).format = 'v0')), 'MALFORMED'],
    ['a repeated entry', () => mutate((d) => d.entries.push(d.entries[0]!)), 'MALFORMED'],
    ['a proof hash that is not base64', () => mutate((d) => (d.entries[0]!.proof[0] = '***')), 'MALFORMED'],
    ['another key', () => doc, 'BAD_CHECKPOINT', generateNoteKey('memory.example/log').verifierKey],
    ['an edited checkpoint', () => mutate((d) => (d.checkpoint = d.checkpoint.replace('\n7\n', '\n8\n'))), 'BAD_CHECKPOINT'],
    ['an edited body', () => mutate((d) => (d.entries[0]!.body = d.entries[0]!.body.replace('WORLD', 'FRANCE'))), 'BAD_INCLUSION'],
    ['a moved index', () => mutate((d) => (d.entries[0]!.index = 1)), 'BAD_INCLUSION'],
    ['a shortened proof', () => mutate((d) => d.entries[1]!.proof.pop()), 'BAD_INCLUSION'],
    ['an earlier instant', () => mutate((d) => (d.at = T('2025-01-12'))), 'ENTRY_AFTER_INSTANT'],
    ['another recording', () => mutate((d) => (d.recording.isrc = 'FRZ032500002')), 'WRONG_RECORDING'],
    ['no line-up', () => mutate((d) => d.entries.splice(1, 1)), 'WRONG_RECORDING'],
    ['a claimed use the entries do not reserve', () => mutate((d) => (d.uses[1]!.status = 'reserved')), 'VERDICT_MISMATCH'],
    ['no declaration', () => mutate((d) => d.entries.splice(2, 1)), 'VERDICT_MISMATCH'],
    ['nothing reserved', () => mutate((d) => d.uses.splice(0, 1)), 'NOT_RESERVED'],
  ])('rejects %s', (_name, make, reason, otherKey) => {
    const check = verifyReservationProof(make(), otherKey ?? key);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toBe(reason);
  });

  it('rejects an entry the log holds in a non-canonical form', () => {
    const odd = new MemoryLog().append(mandateEntry(m1), lineupEntry(rec, [member('p1')], [], T('2025-01-15')));
    const body = JSON.stringify({ type: 'declaration.created', at: decl.createdAt, data: decl }); // keys not sorted
    odd.appendBody(body);
    const check = verifyReservationProof(odd.proof(query('2025-06-01'))!, odd.key.verifierKey);
    expect(check).toMatchObject({ ok: false, reason: 'BAD_ENTRY' });
  });

  it('rejects any one-character change to a body, a proof hash or the checkpoint (property)', () => {
    const fields = (d: ReservationProof): [string, (d: ReservationProof, v: string) => void][] => [
      [d.checkpoint, (x, v) => (x.checkpoint = v)],
      ...d.entries.flatMap((e, i): [string, (d: ReservationProof, v: string) => void][] => [
        [e.body, (x, v) => (x.entries[i]!.body = v)],
        ...e.proof.map((p, j): [string, (d: ReservationProof, v: string) => void] => [p, (x, v) => (x.entries[i]!.proof[j] = v)]),
      ]),
    ];
    const count = fields(doc).length;
    fc.assert(
      fc.property(fc.nat(count - 1), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (f, pos, ch) => {
        const [text, set] = fields(doc)[f]!;
        const at = pos % text.length;
        fc.pre(text[at] !== ch);
        const changed = structuredClone(doc);
        set(changed, text.slice(0, at) + ch + text.slice(at + 1));
        expect(verifyReservationProof(changed, key).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
