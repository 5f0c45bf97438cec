/**
 * The licensing desk's pure core: exact money splits, distribution to line-ups, tariffs and priced
 * usage, licence terms and what they cover, the request workflow, API keys.
 */
export { allocate, assertCents } from './allocate.js';
export { distribute, totalsByPerformer, checkRules, SUSPENSE_REASONS, type DistributionRules, type Distribution, type RecordingAmount, type PayableEntry, type Share, type Held, type SuspenseReason } from './distribution.js';
export { parseTariff, priceUsage, tariffSchema, LICENCE_USES, type Tariff, type TariffModel, type UsageLine, type PeriodUsage, type Priced, type PricedLine, type LicenceUse } from './tariffs.js';
export { parseTerms, licenceCovers, coveringLicences, repertoireCovers, termsSchema, repertoireSchema, type Terms, type Repertoire, type Licence, type RecordingScope } from './model.js';
export { transition, actionsFor, MOVES, REQUEST_STATES, ROLES, ACTIONS, FINAL_STATES, type RequestState, type Role, type Action, type Actor, type TransitionEvent, type RequestRef } from './workflow.js';
export { newKey, checkKey, splitKey, KEY_SCOPES, type KeyScope, type StoredKey, type NewKey, type KeyCheck } from './api-keys.js';
export { LicensingError, type LicensingErrorCode } from './errors.js';
export { licenceAgreement, verifyAgreement, type AgreementParties, type AgreementCheck } from './agreement.js';
export { parseOffer, offerSchema, type Offer } from './offer.js';
export type { Organisation, Account, AccountRole, LicenceRequest } from './parties.js';
export type { LicensingStore, StoredLicence } from './store.js';
export { LicensingService, actorOf, type Principal, type IssuedKey, type LicensingDeps } from './service.js';
