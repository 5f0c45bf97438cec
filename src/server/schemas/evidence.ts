/**
 * JSON schemas of the evidence a status answer states once and its reasons refer to by key: declarations,
 * mandates, performers and (for an authenticated licensee) licences.
 */
import { MEDIA, QUERY_USES, USES } from '../../registry/model.js';
import { nullableString } from './common.js';

const stringList = (values: readonly string[]) =>
  ({ type: 'array', items: { type: 'string', enum: values } }) as const;

export const declarationEvidenceSchema = {
  $id: 'DeclarationEvidence',
  type: 'object',
  description:
    'A reservation declaration of the CMO: who made it, on what legal basis, what it covers, since when.',
  required: ['id', 'issuer', 'legalBasis', 'uses', 'media', 'territories', 'effectiveFrom', 'withdrawnAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'The declaration id' },
    issuer: { type: 'string' },
    legalBasis: { type: 'string' },
    uses: stringList(USES),
    media: stringList(MEDIA),
    territories: { type: 'array', items: { type: 'string' } },
    effectiveFrom: { type: 'string' },
    withdrawnAt: nullableString,
  },
} as const;

export const mandateEvidenceSchema = {
  $id: 'MandateEvidence',
  type: 'object',
  description:
    'The version of a mandate that applies (the newest recorded). Every version is listed by `GET /v1/performers/{id}`.',
  required: [
    'id',
    'version',
    'performer',
    'legalBasis',
    'uses',
    'media',
    'territories',
    'validFrom',
    'validTo',
    'withdrawnAt',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'The mandate id' },
    version: { type: 'integer' },
    performer: { type: 'string', description: 'Key of `evidence.performers`' },
    legalBasis: { type: 'string', enum: ['statutory', 'express'] },
    uses: stringList(USES),
    media: stringList(MEDIA),
    territories: { type: 'array', items: { type: 'string' } },
    validFrom: { type: 'string' },
    validTo: nullableString,
    withdrawnAt: nullableString,
  },
} as const;

export const performerEvidenceSchema = {
  $id: 'PerformerEvidence',
  type: 'object',
  required: ['id', 'name', 'isni'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'The performer id' },
    name: { type: 'string' },
    isni: nullableString,
  },
} as const;

export const licenceEvidenceSchema = {
  $id: 'LicenceEvidence',
  type: 'object',
  description: 'A licence the caller holds, as granted (docs/licensing.md)',
  required: ['id', 'uses', 'media', 'territories', 'from', 'to', 'product', 'tariff'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    uses: stringList(QUERY_USES),
    media: stringList(MEDIA),
    territories: { type: 'array', items: { type: 'string' } },
    from: { type: 'string' },
    to: { type: 'string', description: 'End of the term (excluded)' },
    product: { type: 'string' },
    tariff: {
      type: 'object',
      required: ['id', 'version'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, version: { type: 'integer' } },
    },
  },
} as const;

export const evidenceSchema = {
  $id: 'Evidence',
  type: 'object',
  description:
    'What the reasons refer to, each stated once under a key local to this answer (`d1`, `m1`, `p1`, ... in the order they are first needed; in a batch, shared by all items): exactly the entries some reason needs.',
  required: ['declarations', 'mandates', 'performers'],
  additionalProperties: false,
  properties: {
    declarations: { type: 'object', additionalProperties: { $ref: 'DeclarationEvidence#' } },
    mandates: { type: 'object', additionalProperties: { $ref: 'MandateEvidence#' } },
    performers: { type: 'object', additionalProperties: { $ref: 'PerformerEvidence#' } },
    licences: {
      type: 'object',
      additionalProperties: { $ref: 'LicenceEvidence#' },
      description:
        'Only in answers to an authenticated licensee: the licences it holds that some reason names (`l1`, ...)',
    },
  },
} as const;
