/**
 * JSON schemas of the status answers (`GET /v1/recordings/{isrc}`, `POST /v1/check`): the compact form
 * of `registry/compact.ts`. Reasons are codes that refer by id to the evidence, which each answer (or
 * each batch) states once. `test/integration/http-registry.test.ts` validates every answer against these
 * schemas and compares it, once expanded, with `RegistryService`'s own answer.
 */
import { QUERY_USES } from '../../registry/model.js';
import { nullableString } from './common.js';
import {
  declarationEvidenceSchema,
  evidenceSchema,
  licenceEvidenceSchema,
  mandateEvidenceSchema,
  performerEvidenceSchema,
} from './evidence.js';
import { recordingProperties, recordingRequired } from './registry.js';

export const REASON_CODES = [
  'RECORDING_UNKNOWN',
  'NO_LINEUP',
  'DECLARATION_IN_FORCE',
  'NO_DECLARATION_IN_FORCE',
  'MANDATE_IN_FORCE',
  'NO_MANDATE',
  'MANDATE_NOT_IN_FORCE',
  'MANDATE_OUT_OF_SCOPE',
  'LICENCE_IN_FORCE',
] as const;
const STATUSES = ['reserved', 'licensed', 'not-covered', 'unknown'] as const;

export const reasonSchema = {
  $id: 'Reason',
  type: 'object',
  description:
    'Why a use has the status it has: a code, and the id of the declaration, mandate or performer concerned, a key of `evidence`. ' +
    '`DECLARATION_IN_FORCE` names a declaration; `MANDATE_IN_FORCE`, `MANDATE_NOT_IN_FORCE` (outside its validity or withdrawn) and ' +
    '`MANDATE_OUT_OF_SCOPE` (use, medium or territory not covered) name a mandate; `NO_MANDATE` names a performer; ' +
    '`RECORDING_UNKNOWN`, `NO_LINEUP` and `NO_DECLARATION_IN_FORCE` name nothing. ' +
    '`LICENCE_IN_FORCE`, only in answers to an authenticated licensee, names a licence it holds that covers the use.',
  required: ['code'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', enum: REASON_CODES },
    declaration: { type: 'string', description: 'Key of `evidence.declarations`' },
    mandate: { type: 'string', description: 'Key of `evidence.mandates`' },
    performer: { type: 'string', description: 'Key of `evidence.performers`' },
    licence: { type: 'string', description: 'Key of `evidence.licences`' },
  },
} as const;

export const useAnswerSchema = {
  $id: 'UseAnswer',
  type: 'object',
  description:
    'The status of one use and why: its `reasons`, or `sameAs`, the name of an earlier use of `uses` whose status and reasons are exactly the same (the reasons then mean the same for this use).',
  required: ['status'],
  additionalProperties: false,
  oneOf: [{ required: ['reasons'] }, { required: ['sameAs'] }],
  properties: {
    status: { type: 'string', enum: STATUSES },
    reasons: {
      type: 'array',
      items: { $ref: 'Reason#' },
      description:
        'The declarations in force, then: when reserved, the mandates that cover; otherwise what each performer of the line-up lacks',
    },
    sameAs: { type: 'string', enum: QUERY_USES },
  },
} as const;

const perUse = <S>(schema: S) =>
  Object.fromEntries(QUERY_USES.map((u) => [u, schema])) as Record<(typeof QUERY_USES)[number], S>;

export const useAnswersSchema = {
  $id: 'UseAnswers',
  type: 'object',
  description: 'One entry per use asked about (every use, in this order, unless `use` names one)',
  additionalProperties: false,
  properties: perUse({ $ref: 'UseAnswer#' }),
} as const;

const statusProperties = {
  identifier: { ...nullableString, description: 'The identifier in its canonical form' },
  status: {
    type: 'string',
    enum: STATUSES,
    description:
      '`reserved` when any use asked about is reserved; else `unknown` when any is unknown; else `licensed` when any is licensed to the caller; else `not-covered`.',
  },
  recording: {
    type: ['object', 'null'],
    description: 'The recording, or null when the registry does not hold it',
    required: recordingRequired,
    additionalProperties: false,
    properties: recordingProperties,
  },
  uses: { $ref: 'UseAnswers#' },
} as const;
const questionProperties = {
  at: { type: 'string', description: 'The instant the answer is about (ISO-8601 UTC)' },
  territory: { ...nullableString, description: 'The territory asked about (null: any)' },
} as const;

export const recordingStatusSchema = {
  $id: 'RecordingStatus',
  type: 'object',
  required: ['query', 'identifier', 'at', 'territory', 'status', 'recording', 'uses', 'evidence'],
  additionalProperties: false,
  properties: {
    query: { type: 'string', description: 'The identifier as asked' },
    identifier: statusProperties.identifier,
    ...questionProperties,
    status: statusProperties.status,
    recording: statusProperties.recording,
    uses: statusProperties.uses,
    evidence: { $ref: 'Evidence#' },
  },
} as const;

const invalidError = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: { code: { type: 'string', enum: ['REGISTRY_INVALID_ID'] }, message: { type: 'string' } },
} as const;

/**
 * One item of a batch check. A single object type rather than a `oneOf` of success and failure: `ok`
 * tells which fields are present: the answer fields when true, `error` when false.
 */
export const checkItemSchema = {
  $id: 'CheckItem',
  type: 'object',
  required: ['input', 'ok'],
  additionalProperties: false,
  properties: {
    input: { type: 'string' },
    ok: { type: 'boolean', description: 'False when the item is not a valid ISRC (see `error`)' },
    ...statusProperties,
    error: invalidError,
  },
} as const;

/** One item of a batch check with `detail: "status"`: the verdicts without reasons or recording. */
export const checkVerdictSchema = {
  $id: 'CheckVerdict',
  type: 'object',
  required: ['input', 'ok'],
  additionalProperties: false,
  properties: {
    input: { type: 'string' },
    ok: { type: 'boolean', description: 'False when the item is not a valid ISRC (see `error`)' },
    identifier: statusProperties.identifier,
    status: statusProperties.status,
    uses: {
      type: 'object',
      additionalProperties: false,
      properties: perUse({
        type: 'object',
        required: ['status'],
        additionalProperties: false,
        properties: { status: { type: 'string', enum: STATUSES } },
      }),
    },
    error: invalidError,
  },
} as const;

export const checkResponseSchema = {
  $id: 'CheckResponse',
  type: 'object',
  required: ['count', 'detail', 'at', 'territory', 'summary', 'items'],
  additionalProperties: false,
  properties: {
    count: { type: 'integer' },
    detail: { type: 'string', enum: ['full', 'status'] },
    ...questionProperties,
    summary: {
      type: 'object',
      required: ['reserved', 'notCovered', 'unknown', 'invalid'],
      additionalProperties: false,
      properties: {
        reserved: { type: 'integer' },
        licensed: { type: 'integer', description: 'Only in answers to an authenticated licensee' },
        notCovered: { type: 'integer' },
        unknown: { type: 'integer' },
        invalid: { type: 'integer' },
      },
    },
    items: {
      type: 'array',
      description:
        'One per item asked about, in the same order: `CheckItem` with `detail: "full"`, `CheckVerdict` with `detail: "status"`',
      items: { anyOf: [{ $ref: 'CheckItem#' }, { $ref: 'CheckVerdict#' }] },
    },
    evidence: {
      $ref: 'Evidence#',
      description: 'With `detail: "full"`: what the reasons of every item refer to',
    },
  },
} as const;

/** Every status schema, in the order they must be added (referenced ones first). */
export const statusSchemas = [
  reasonSchema,
  useAnswerSchema,
  useAnswersSchema,
  declarationEvidenceSchema,
  mandateEvidenceSchema,
  performerEvidenceSchema,
  licenceEvidenceSchema,
  evidenceSchema,
  recordingStatusSchema,
  checkItemSchema,
  checkVerdictSchema,
  checkResponseSchema,
] as const;
