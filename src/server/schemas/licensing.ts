/** JSON schemas of the licensing routes (routes/licensing.ts); terms and offers follow docs/licensing.md. */
import { ACTIONS, REQUEST_STATES } from '../../licensing/workflow.js';
import { nullableString } from './common.js';

const looseObject = { type: 'object', additionalProperties: true } as const;

export const licenceRequestSchema = {
  $id: 'LicenceRequest',
  type: 'object',
  required: ['id', 'organisationId', 'terms', 'state', 'offer', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    organisationId: { type: 'string', description: 'The licensee organisation' },
    terms: { ...looseObject, description: 'What was asked: uses, repertoire, media, territories, from, to, product, expectedVolume' },
    state: { type: 'string', enum: REQUEST_STATES },
    offer: { type: ['object', 'null'], additionalProperties: true, description: 'The terms offered and the tariff, once offered' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const licenceEventSchema = {
  $id: 'LicenceEvent',
  type: 'object',
  required: ['request', 'action', 'from', 'to', 'by', 'at', 'note'],
  additionalProperties: false,
  properties: {
    request: { type: 'string' },
    action: { type: 'string', enum: ACTIONS },
    from: { type: 'string', enum: REQUEST_STATES },
    to: { type: 'string', enum: REQUEST_STATES },
    by: {
      type: 'object',
      required: ['role', 'id'],
      additionalProperties: false,
      properties: { role: { type: 'string' }, id: { type: 'string' } },
    },
    at: { type: 'string' },
    note: nullableString,
  },
} as const;

export const licenceSchema = {
  $id: 'Licence',
  type: 'object',
  required: ['id', 'licensee', 'request', 'terms', 'tariff', 'issuedAt', 'terminatedAt', 'jws'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    licensee: { type: 'string' },
    request: { type: 'string' },
    terms: looseObject,
    tariff: {
      type: 'object',
      required: ['id', 'version'],
      additionalProperties: false,
      properties: { id: { type: 'string' }, version: { type: 'integer' } },
    },
    issuedAt: { type: 'string' },
    terminatedAt: nullableString,
    jws: { type: 'string', description: 'The signed ODRL Agreement (JWS, EdDSA, the log key); check it with `tdmr licence verify`' },
  },
} as const;

export const requestDetailSchema = {
  $id: 'LicenceRequestDetail',
  type: 'object',
  required: ['request', 'events', 'licence'],
  additionalProperties: false,
  properties: {
    request: { $ref: 'LicenceRequest#' },
    events: { type: 'array', items: { $ref: 'LicenceEvent#' } },
    licence: { anyOf: [{ $ref: 'Licence#' }, { type: 'null' }] },
  },
} as const;

export const tariffSchemaJson = {
  $id: 'Tariff',
  type: 'object',
  additionalProperties: true,
  required: ['id', 'version', 'name', 'currency', 'uses', 'validFrom', 'model'],
  description: 'A tariff version: amounts in integer cents (docs/licensing.md)',
} as const;

export const licensingSchemas = [licenceRequestSchema, licenceEventSchema, licenceSchema, requestDetailSchema, tariffSchemaJson] as const;
