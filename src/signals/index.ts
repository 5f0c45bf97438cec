/** Publication: the reservation in every machine-readable form (docs/publication.md). */
export { derivePublication, etagOf, type Artefact, type Publication, type PublicationInput } from './publication.js';
export { reservationAt, toSite, urlOf, PATHS, type PublicationSite, type Reservation, type ArtefactName } from './model.js';
export { BUNDLED_CRAWLERS, toCrawlerList, type Crawler, type CrawlerList, type CrawlerPurpose } from './crawlers.js';
export { responseHeaders, contentUsageValue, contentSignalValue, RSL_TYPE } from './headers.js';
export { robotsTxt, aiTxt, blockedCrawlers } from './robots.js';
export { rslDocument } from './rsl.js';
export { tdmRepRules, tdmPolicy } from './tdmrep.js';
export { declarationDocument, declarationHtml, canonicalDeclaration, type DeclarationSigner } from './declaration-doc.js';
export { ed25519DeclarationSigner, declarationDigest } from './declaration-sign.js';
export { publicationEntry, PUBLICATION_ENTRY_TYPE } from './publication-entry.js';
export { PublicationService } from './service.js';
export { stampPlan, xmpPacket, readStamp, dataMiningValue, type StampPlan, type StampReading } from './stamp-model.js';
export { SignalsError, type SignalsErrorCode } from './errors.js';
