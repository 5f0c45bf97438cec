/**
 * The licence as a signed document: an ODRL 2.2 Agreement in JSON-LD, under the TDMRep profile the
 * published policy uses (`tdm:mine`), signed as a JWS (EdDSA) over its RFC 8785 form with the
 * transparency log's key, the same key whose public half is published at
 * `/.well-known/tdm-reserve/log-key`. A licensee checks it offline with `verifyAgreement` and that key.
 */
import { verify } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../ledger/canonical-json.js';
import { parseVerifierKey } from '../ledger/note-keys.js';
import type { Licence } from './model.js';

export interface AgreementParties {
  /** The collective: its base URL (uid) and name. */
  assigner: { uid: string; name: string };
  /** The licensee organisation. */
  assignee: { uid: string; name: string };
  /** Where the agreement can be fetched (its uid). */
  uid: string;
}

/** Purpose values of the permission's constraint, one per use the licence grants. */
const PURPOSE: Record<string, string> = {
  'ai-training': 'https://w3id.org/tdm-reserve/use#ai-training',
  'genai-training': 'https://w3id.org/tdm-reserve/use#genai-training',
  'ai-inference': 'https://w3id.org/tdm-reserve/use#ai-inference',
  search: 'https://w3id.org/tdm-reserve/use#search',
};

function target(l: Licence, base: string): JsonValue {
  const r = l.terms.repertoire;
  switch (r.kind) {
    case 'all':
      return `${base}/repertoire`;
    case 'recordings':
      return { '@type': 'AssetCollection', uid: `${base}/licences/${l.id}/repertoire`, 'tdmr:isrc': [...r.isrcs] };
    case 'performers':
      return { '@type': 'AssetCollection', uid: `${base}/licences/${l.id}/repertoire`, 'tdmr:performer': [...r.performerIds] };
    case 'filter': {
      const f: Record<string, JsonValue> = { '@type': 'AssetCollection', uid: `${base}/licences/${l.id}/repertoire` };
      if (r.yearFrom !== undefined) f['tdmr:yearFrom'] = r.yearFrom;
      if (r.yearTo !== undefined) f['tdmr:yearTo'] = r.yearTo;
      if (r.labels !== undefined) f['tdmr:label'] = [...r.labels];
      return f;
    }
  }
}

/** The ODRL Agreement of a licence (pure; the same licence gives the same document). */
export function licenceAgreement(l: Licence, p: AgreementParties): JsonValue {
  const t = l.terms;
  const constraints: JsonValue[] = [
    { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: t.uses.map((u) => PURPOSE[u] ?? u) },
    { leftOperand: 'dateTime', operator: 'gteq', rightOperand: { '@value': t.from, '@type': 'xsd:dateTime' } },
    { leftOperand: 'dateTime', operator: 'lt', rightOperand: { '@value': t.to, '@type': 'xsd:dateTime' } },
    { leftOperand: 'spatial', operator: 'isAnyOf', rightOperand: [...t.territories] },
    { leftOperand: 'media', operator: 'isAnyOf', rightOperand: [...t.media] },
  ];
  return {
    '@context': ['http://www.w3.org/ns/odrl.jsonld', 'http://www.w3.org/ns/tdmrep.jsonld', { tdmr: 'https://w3id.org/tdm-reserve#', xsd: 'http://www.w3.org/2001/XMLSchema#' }],
    '@type': 'Agreement',
    uid: p.uid,
    profile: 'http://www.w3.org/ns/tdmrep',
    assigner: { '@type': 'Party', uid: p.assigner.uid, 'vcard:fn': p.assigner.name },
    assignee: { '@type': 'Party', uid: p.assignee.uid, 'vcard:fn': p.assignee.name },
    'tdmr:licence': l.id,
    'tdmr:request': l.request,
    'tdmr:product': t.product,
    'tdmr:tariff': { id: l.tariff.id, version: l.tariff.version },
    'tdmr:issued': l.issuedAt,
    permission: [
      {
        action: 'tdm:mine',
        target: target(l, p.assigner.uid),
        constraint: constraints,
        duty: [{ action: 'compensate', 'tdmr:tariff': `${p.assigner.uid}/v1/tariffs/${l.tariff.id}/${l.tariff.version}` }],
      },
    ],
  };
}

export type AgreementCheck = { ok: true; agreement: Record<string, unknown>; kid: string } | { ok: false; reason: string };

/**
 * Checks a licence JWS offline against the collective's verifier key (`name+hash+base64key`, the log's):
 * the header (EdDSA, the key's id), the Ed25519 signature, and that the payload is canonical JSON of an
 * ODRL Agreement. Any input may be hostile: every failure is a reason, never an exception.
 */
export function verifyAgreement(jws: string, verifierKey: string): AgreementCheck {
  let key;
  try {
    key = parseVerifierKey(verifierKey.trim());
  } catch (e) {
    return { ok: false, reason: `not a verifier key: ${(e as Error).message}` };
  }
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts.some((x) => !/^[A-Za-z0-9_-]*$/.test(x))) return { ok: false, reason: 'not a JWS in compact form' };
  const [h, payload, sig] = parts as [string, string, string];
  let header: unknown;
  let body: unknown;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'the header or payload is not JSON' };
  }
  const kid = `${key.name}+${key.keyHash.toString(16).padStart(8, '0')}`;
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'EdDSA') return { ok: false, reason: 'the JWS is not signed with EdDSA' };
  if ((header as { kid?: unknown }).kid !== kid) return { ok: false, reason: `signed by another key (kid ${JSON.stringify((header as { kid?: unknown }).kid)}, expected ${kid})` };
  const signature = Buffer.from(sig, 'base64url');
  if (signature.length !== 64 || !verify(null, Buffer.from(`${h}.${payload}`, 'ascii'), key.publicKey, signature)) return { ok: false, reason: 'the signature does not verify' };
  if (typeof body !== 'object' || body === null || Array.isArray(body) || (body as { '@type'?: unknown })['@type'] !== 'Agreement') return { ok: false, reason: 'the payload is not an ODRL Agreement' };
  if (canonicalJson(body as JsonValue) !== Buffer.from(payload, 'base64url').toString('utf8')) return { ok: false, reason: 'the payload is not in canonical form' };
  return { ok: true, agreement: body as Record<string, unknown>, kid };
}
