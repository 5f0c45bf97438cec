/**
 * JSON schemas of the registry's domain types as they travel over HTTP. They mirror `registry/model.ts`,
 * `registry/coverage.ts` and `registry/service.ts`; `test/integration/http-registry.test.ts` checks that
 * a serialised answer equals the service's answer, so a field missing here fails a test.
 */
import { MANDATE_CHANGES, MEDIA, QUERY_USES, USES } from '../../registry/model.js';
import { nullableString } from './common.js';

const REASON_CODES = [
  'RECORDING_UNKNOWN',
  'NO_LINEUP',
  'DECLARATION_IN_FORCE',
  'NO_DECLARATION_IN_FORCE',
  'MANDATE_IN_FORCE',
  'NO_MANDATE',
  'MANDATE_NOT_IN_FORCE',
  'MANDATE_OUT_OF_SCOPE',
] as const;
const STATUSES = ['reserved', 'not-covered', 'unknown'] as const;
const nullableInteger = { type: ['integer', 'null'] } as const;

const recordingProperties = {
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
const recordingRequired = Object.keys(recordingProperties);

export const recordingSchema = {
  $id: 'Recording',
  type: 'object',
  required: recordingRequired,
  properties: recordingProperties,
} as const;

export const reasonSchema = {
  $id: 'Reason',
  type: 'object',
  description:
    'Why a use has the status it has. The optional fields name the declaration, performer or mandate concerned.',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', enum: REASON_CODES },
    message: { type: 'string' },
    declarationId: { type: 'string' },
    performerId: { type: 'string' },
    performerName: { type: 'string' },
    mandateId: { type: 'string' },
    mandateVersion: { type: 'integer' },
    legalBasis: { type: 'string' },
  },
} as const;

export const useAnswerSchema = {
  $id: 'UseAnswer',
  type: 'object',
  required: ['use', 'status', 'reasons'],
  properties: {
    use: { type: 'string', enum: QUERY_USES },
    status: { type: 'string', enum: STATUSES },
    reasons: { type: 'array', items: { $ref: 'Reason#' } },
  },
} as const;

/** The fields of a status answer, shared by the single lookup and by each item of a batch check. */
const answerProperties = {
  identifier: { ...nullableString, description: 'The identifier in its canonical form' },
  at: { type: 'string', description: 'The instant the answer is about (ISO-8601 UTC)' },
  territory: nullableString,
  status: {
    type: 'string',
    enum: STATUSES,
    description:
      '`reserved` when any use asked about is reserved; else `unknown` when any is unknown; else `not-covered`.',
  },
  recording: {
    type: ['object', 'null'],
    description: 'The recording, or null when the registry does not hold it',
    required: recordingRequired,
    properties: recordingProperties,
  },
  uses: { type: 'array', items: { $ref: 'UseAnswer#' } },
} as const;

export const recordingStatusSchema = {
  $id: 'RecordingStatus',
  type: 'object',
  required: ['query', 'identifier', 'at', 'territory', 'status', 'recording', 'uses'],
  properties: { query: { type: 'string', description: 'The identifier as asked' }, ...answerProperties },
} as const;

/**
 * One item of a batch check. A single object type rather than a `oneOf` of success and failure: the
 * serialiser then writes 10,000 items without testing each against two schemas. `ok` tells which
 * fields are present: the answer fields when true, `error` when false.
 */
export const checkOutcomeSchema = {
  $id: 'CheckOutcome',
  type: 'object',
  required: ['input', 'ok'],
  properties: {
    input: { type: 'string' },
    ok: { type: 'boolean', description: 'False when the item is not a valid ISRC (see `error`)' },
    ...answerProperties,
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', enum: ['REGISTRY_INVALID_ID'] }, message: { type: 'string' } },
    },
  },
} as const;

/** One item of a batch check with `detail: "status"`: the verdicts without reasons or recording. */
export const checkVerdictSchema = {
  $id: 'CheckVerdict',
  type: 'object',
  required: ['input', 'ok'],
  properties: {
    input: { type: 'string' },
    ok: { type: 'boolean', description: 'False when the item is not a valid ISRC (see `error`)' },
    identifier: answerProperties.identifier,
    status: answerProperties.status,
    uses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['use', 'status'],
        properties: { use: { type: 'string', enum: QUERY_USES }, status: { type: 'string', enum: STATUSES } },
      },
    },
    error: checkOutcomeSchema.properties.error,
  },
} as const;

export const checkResponseSchema = {
  $id: 'CheckResponse',
  type: 'object',
  required: ['count', 'detail', 'summary', 'items'],
  properties: {
    count: { type: 'integer' },
    detail: { type: 'string', enum: ['full', 'status'] },
    at: {
      type: 'string',
      description: 'With `detail: "status"`: the instant of every answer (items do not repeat it)',
    },
    territory: { ...nullableString, description: 'With `detail: "status"`: the territory asked about' },
    summary: {
      type: 'object',
      required: ['reserved', 'notCovered', 'unknown', 'invalid'],
      properties: {
        reserved: { type: 'integer' },
        notCovered: { type: 'integer' },
        unknown: { type: 'integer' },
        invalid: { type: 'integer' },
      },
    },
    items: {
      type: 'array',
      description:
        'One per item asked about, in the same order: `CheckOutcome` with `detail: "full"`, `CheckVerdict` with `detail: "status"`',
      items: { anyOf: [{ $ref: 'CheckOutcome#' }, { $ref: 'CheckVerdict#' }] },
    },
  },
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
  reasonSchema,
  useAnswerSchema,
  recordingStatusSchema,
  checkOutcomeSchema,
  checkVerdictSchema,
  checkResponseSchema,
  performerSchema,
  mandateVersionSchema,
  performerPageSchema,
  searchResultSchema,
] as const;
