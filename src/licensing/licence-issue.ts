/**
 * A licence issued when its request is activated: the offer's terms and tariff, an ODRL agreement naming
 * the collective and the licensee, signed with the log's key (JWS), stored in the caller's transaction
 * (the licensing desk writes its `licence.issued` entry beside it).
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../ledger/canonical-json.js';
import { LedgerError } from '../ledger/errors.js';
import type { DeclarationSigner } from '../signals/declaration-doc.js';
import { licenceAgreement } from './agreement.js';
import { LicensingError } from './errors.js';
import type { Licence } from './model.js';
import type { LicenceRequest } from './parties.js';
import type { LicensingStore, StoredLicence } from './store.js';

export async function issueLicence(
  s: LicensingStore,
  r: LicenceRequest,
  at: string,
  deps: { signer: () => DeclarationSigner | undefined; assigner: { uid: string; name: string } },
): Promise<StoredLicence> {
  if (r.offer === null)
    throw new LicensingError('LICENSING_BAD_TRANSITION', `licence request ${r.id} has no offer to license`);
  const signer = deps.signer();
  if (signer === undefined)
    throw new LedgerError(
      'LEDGER_KEY_MISSING',
      'licences are signed with the log key: run `tdmr init` first',
    );
  const org = await s.getOrganisation(r.organisationId);
  const licence: Licence = {
    id: randomUUID(),
    licensee: r.organisationId,
    request: r.id,
    terms: r.offer.terms,
    tariff: r.offer.tariff,
    issuedAt: at,
    terminatedAt: null,
  };
  const doc = licenceAgreement(licence, {
    uid: `${deps.assigner.uid}/v1/licences/${licence.id}`,
    assigner: deps.assigner,
    assignee: { uid: `urn:uuid:${r.organisationId}`, name: org?.name ?? r.organisationId },
  });
  const stored: StoredLicence = { ...licence, document: canonicalJson(doc), signature: signer.sign(doc) };
  await s.insertLicence(stored);
  return stored;
}
