import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNoteKey, parseSignerKey } from '../ledger/note-keys.js';
import { ed25519DeclarationSigner } from '../signals/declaration-sign.js';
import { licenceAgreement, verifyAgreement } from './agreement.js';
import { parseTerms, type Licence } from './model.js';

function keyPair(name = 'cmo.example/log') {
  const k = generateNoteKey(name);
  const s = parseSignerKey(k.signerKey);
  return { verifierKey: k.verifierKey, signer: ed25519DeclarationSigner(s.privateKey, k.verifierKey.split('+').slice(0, 2).join('+')) };
}

const licence: Licence = {
  id: 'lic-1',
  licensee: 'org-1',
  request: 'lr-1',
  terms: parseTerms({ uses: ['genai-training', 'search'], repertoire: { kind: 'recordings', isrcs: ['FRZ032500001'] }, from: '2026-01-01', to: '2027-01-01', product: 'Model X' }, 't'),
  tariff: { id: 'genai-2026', version: 3 },
  issuedAt: '2025-12-20T10:00:00.000Z',
  terminatedAt: null,
};
const parties = { uid: 'https://cmo.example/v1/licences/lic-1', assigner: { uid: 'https://cmo.example', name: 'CMO' }, assignee: { uid: 'urn:uuid:org-1', name: 'Acme AI' } };

describe('licence agreements', () => {
  it('states the grant as an ODRL Agreement', () => {
    const doc = licenceAgreement(licence, parties) as Record<string, unknown>;
    expect(doc).toMatchObject({ '@type': 'Agreement', uid: parties.uid, assigner: { uid: 'https://cmo.example' }, 'tdmr:tariff': { id: 'genai-2026', version: 3 } });
    const perm = (doc.permission as Record<string, unknown>[])[0]!;
    expect(perm.action).toBe('tdm:mine');
    expect(perm.target).toMatchObject({ '@type': 'AssetCollection', 'tdmr:isrc': ['FRZ032500001'] });
    expect(JSON.stringify(perm.constraint)).toContain('genai-training');
    expect(licenceAgreement(licence, parties)).toEqual(doc);
  });

  it('verifies with the signer’s public key only', () => {
    const a = keyPair();
    const b = keyPair();
    const jws = a.signer.sign(licenceAgreement(licence, parties));
    expect(verifyAgreement(jws, a.verifierKey)).toMatchObject({ ok: true, kid: a.verifierKey.split('+').slice(0, 2).join('+') });
    expect(verifyAgreement(jws, b.verifierKey)).toMatchObject({ ok: false, reason: /another key/ });
    expect(verifyAgreement(jws, 'nonsense')).toMatchObject({ ok: false, reason: /verifier key/ });
    // Same name, another key: the key hash differs, so the kid does too.
    expect(verifyAgreement(jws, keyPair('cmo.example/log').verifierKey)).toMatchObject({ ok: false });
  });

  it('refuses anything but a signed canonical Agreement, and never throws (property)', () => {
    const a = keyPair();
    const jws = a.signer.sign(licenceAgreement(licence, parties));
    expect(verifyAgreement(a.signer.sign({ '@type': 'Offer' }), a.verifierKey)).toMatchObject({ ok: false, reason: /not an ODRL Agreement/ });
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.nat({ max: jws.length - 1 }), (noise, at) => {
        expect(verifyAgreement(noise, a.verifierKey).ok).toBe(false);
        const c = jws[at] === 'A' ? 'B' : 'A';
        const flipped = jws.slice(0, at) + c + jws.slice(at + 1);
        // Flipping a character of the last base64url group may leave the decoded bytes the same.
        if (Buffer.from(flipped.split('.')[2] ?? '', 'base64url').equals(Buffer.from(jws.split('.')[2]!, 'base64url')) && flipped.split('.').slice(0, 2).join('.') === jws.split('.').slice(0, 2).join('.')) return;
        expect(verifyAgreement(flipped, a.verifierKey).ok).toBe(false);
      }),
    );
  });
});
