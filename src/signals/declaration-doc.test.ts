import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Declaration } from '../registry/model.js';
import { BUNDLED_CRAWLERS } from './crawlers.js';
import { canonicalDeclaration, declarationDocument, declarationHtml } from './declaration-doc.js';
import { declarationDigest, ed25519DeclarationSigner } from './declaration-sign.js';
import { reservationAt, toSite } from './model.js';
import { derivePublication } from './publication.js';

const site = toSite({ baseUrl: 'https://tdm.cmo.example', issuer: 'CMO', contactEmail: 'licences@cmo.example' });
const d: Declaration = {
  id: 'd1', issuer: 'Spedidam <b>&', legalBasis: 'x', uses: ['ai-training', 'ai-inference'], media: ['sound', 'audiovisual'],
  territories: ['WORLD'], effectiveFrom: '2026-01-01T00:00:00.000Z', withdrawnAt: null, createdAt: '2025-12-20T00:00:00.000Z',
};
const at = '2026-03-01T00:00:00.000Z';

describe('the declaration document and pages', () => {
  it('names issuer, legal basis, uses, media, date and licence route in both languages', () => {
    const doc = declarationDocument([d], reservationAt([d], at), site) as { hasPart: { text: { en: string; fr: string } }[] };
    const { en, fr } = doc.hasPart[0]!.text;
    expect(en).toContain('Spedidam <b>&');
    expect(en).toContain('Article 4(3) of Directive (EU) 2019/790');
    expect(en).toContain('training of AI models');
    expect(en).toContain('sound recordings and audiovisual recordings');
    expect(en).toContain('from 2026-01-01');
    expect(en).toContain('https://tdm.cmo.example/licensing');
    expect(fr).toContain('L.122-5-3 et L.211-3 8°');
    expect(fr).toContain('phonogrammes et vidéogrammes');
    expect(fr).toContain('à compter du 2026-01-01');
  });
  it('escapes the HTML and does not depend on the instant it is rendered', () => {
    const doc = declarationDocument([d], reservationAt([d], at), site);
    const html = declarationHtml(doc, 'en');
    expect(html).toContain('Spedidam &lt;b&gt;&amp;');
    expect(html).not.toContain('<b>&');
    expect(canonicalDeclaration(declarationDocument([d], reservationAt([d], '2026-05-01T00:00:00.000Z'), site))).toBe(canonicalDeclaration(doc));
  });
  it('the JWS is EdDSA over the canonical document', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const doc = declarationDocument([d], reservationAt([d], at), site);
    const [h, p, s] = ed25519DeclarationSigner(privateKey, 'log+00000000').sign(doc).split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toMatchObject({ alg: 'EdDSA', kid: 'log+00000000' });
    expect(Buffer.from(p!, 'base64url').toString()).toBe(canonicalDeclaration(doc));
    expect(verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s!, 'base64url'))).toBe(true);
    expect(declarationDigest(doc)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('withdrawal', () => {
  it('changes every artefact and every header', () => {
    const input = { at, site, crawlers: BUNDLED_CRAWLERS };
    const live = derivePublication({ ...input, declarations: [d] });
    const gone = derivePublication({ ...input, declarations: [{ ...d, withdrawnAt: '2026-02-01T00:00:00.000Z' }] });
    for (const [name, a] of Object.entries(live.artefacts)) expect(gone.artefacts[name as keyof typeof gone.artefacts]?.etag, name).not.toBe(a.etag);
    expect(gone.headers).toEqual({});
    expect(gone.lastModified).toBe('2026-02-01T00:00:00.000Z');
  });
});
