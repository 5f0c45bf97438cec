/**
 * Public library API of the registry: identifiers, the domain model, the pure coverage rule, and the
 * compact status answers of the HTTP API with their expansion to the verbose ones.
 *
 * @example
 * import { parseIsrc, coverageStatus } from 'tdm-reserve/registry';
 */
export { ID_KINDS, mod11_2, mod37_36, parseEidr, parseId, parseIpi, parseIpn, parseIsan, parseIsni, parseIsrc, parseIswc, recognizeId } from './identifiers.js';
export type { IdKind, IdParse, IdRecognition } from './identifiers.js';
export { AI_USES, DEFAULT_LEGAL_BASIS, LEGAL_BASES, MEDIA, QUERY_USES, USES, WORLD, inForce, searchKey, territoriesCover, toInstant, usesCover } from './model.js';
export type { Declaration, LegalBasis, LineupEntry, MandateVersion, Medium, Performer, QueryUse, Recording, Territory, Use } from './model.js';
export { coverageStatus, currentVersions } from './coverage.js';
export type { CoverageInput, CoverageStatus, Reason, ReasonCode, StatusAnswer, StatusQuery } from './coverage.js';
export { RegistryError } from './errors.js';
export type { RegistryErrorCode } from './errors.js';
export { expandAnswer, expandCheck, expandStatus } from './compact-expand.js';
export type { CompactReason, CompactStatus, CompactUse, CompactUses, UseReasons } from './compact.js';
export { evidenceRecords } from './evidence.js';
export type {
  DeclarationEvidence,
  Evidence,
  EvidenceLists,
  MandateEvidence,
  PerformerEvidence,
} from './evidence.js';
export type { CheckAnswer, CheckItem, RecordingAnswer } from './status-lookup-model.js';
