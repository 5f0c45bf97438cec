/**
 * JSON schemas of the registry's domain types as they travel over HTTP (recordings, performers, mandate
 * versions, search hits); they mirror `registry/model.ts`. The status answers are in `status.ts`.
 * `test/integration/http-registry.test.ts` checks that a serialised answer equals the service's answer,
 * so a field missing here fails a test.
 */
import { MANDATE_CHANGES, MEDIA, USES } from '../../registry/model.js';
import { nullableString } from './common.js';

const nullableInteger = { type: ['integer', 'null'] } as const;

export const recordingProperties = {
  id: { type: 'string' },
  kind: { type: 'string', enum: MEDIA },
  isrc: nullableString,
  isan: nullableString,
  eidr: nullableString,
  iswc: nullableString,
  title: { type: 'string' },
  versionTitle: nullableString,
  displayArtist: { type: 'string' },
  durationMs: nullableInteger,
  year: nullableInteger,
  label: nullableString,
} as const;
export const recordingRequired = Object.keys(recordingProperties);

export const recordingSchema = {
  $id: 'Recording',
  type: 'object',
  required: recordingRequired,
  properties: recordingProperties,
} as const;

export const performerSchema = {
  $id: 'Performer',
  type: 'object',
  required: ['id', 'displayName', 'sortName', 'aliases', 'memberNo', 'isni', 'ipn', 'ipi', 'member'],
  properties: {
    id: { type: 'string' },
    displayName: { type: 'string' },
    sortName: { type: 'string' },
    aliases: { type: 'array', items: { type: 'string' } },
    memberNo: nullableString,
    isni: nullableString,
    ipn: nullableString,
    ipi: nullableString,
    member: { type: 'boolean' },
  },
} as const;

export const mandateVersionSchema = {
  $id: 'MandateVersion',
  type: 'object',
  required: [
    'id',
    'mandateId',
    'version',
    'performerId',
    'legalBasis',
    'uses',
    'media',
    'territories',
    'validFrom',
    'validTo',
    'withdrawnAt',
    'sourceRef',
    'change',
    'recordedAt',
  ],
  properties: {
    id: { type: 'string' },
    mandateId: { type: 'string' },
    version: { type: 'integer' },
    performerId: { type: 'string' },
    legalBasis: { type: 'string', enum: ['statutory', 'express'] },
    uses: { type: 'array', items: { type: 'string', enum: USES } },
    media: { type: 'array', items: { type: 'string', enum: MEDIA } },
    territories: { type: 'array', items: { type: 'string' } },
    validFrom: { type: 'string' },
    validTo: nullableString,
    withdrawnAt: nullableString,
    sourceRef: nullableString,
    change: { type: 'string', enum: MANDATE_CHANGES },
    recordedAt: { type: 'string' },
  },
} as const;

export const performerPageSchema = {
  $id: 'PerformerPage',
  type: 'object',
  required: ['performer', 'mandates', 'recordings'],
  properties: {
    performer: { $ref: 'Performer#' },
    mandates: {
      type: 'array',
      items: { $ref: 'MandateVersion#' },
      description: 'Every version of every mandate, oldest first',
    },
    recordings: {
      type: 'array',
      items: { $ref: 'Recording#' },
      description: 'The first recordings the performer appears on, by title',
    },
  },
} as const;

export const searchResultSchema = {
  $id: 'SearchResult',
  type: 'object',
  required: ['q', 'limit', 'offset', 'hits'],
  properties: {
    q: { type: 'string' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    hits: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'id', 'label', 'detail', 'identifier', 'score'],
        properties: {
          type: { type: 'string', enum: ['recording', 'performer'] },
          id: { type: 'string' },
          label: { type: 'string' },
          detail: { type: 'string' },
          identifier: nullableString,
          score: { type: 'number' },
        },
      },
    },
  },
} as const;

/** Every shared registry schema, in the order they must be added (referenced ones first). */
export const registrySchemas = [
  recordingSchema,
  performerSchema,
  mandateVersionSchema,
  performerPageSchema,
  searchResultSchema,
] as const;
