/** JSON schemas of the desk and remuneration routes (routes/desk.ts, routes/remuneration.ts); docs/licensing.md. */
import { KEY_SCOPES } from '../../licensing/api-keys.js';
import { nullableString } from './common.js';

const period = { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: { type: 'string' }, to: { type: 'string' } } } as const;

export const organisationSchema = {
  $id: 'Organisation',
  type: 'object',
  required: ['id', 'name', 'createdAt'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, name: { type: 'string' }, createdAt: { type: 'string' } },
} as const;

export const accountSchema = {
  $id: 'Account',
  type: 'object',
  required: ['id', 'name', 'email', 'role', 'organisationId', 'performerId', 'createdAt', 'disabledAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    email: nullableString,
    role: { type: 'string' },
    organisationId: nullableString,
    performerId: nullableString,
    createdAt: { type: 'string' },
    disabledAt: nullableString,
  },
} as const;

export const issuedKeySchema = {
  $id: 'IssuedKey',
  type: 'object',
  required: ['key', 'id', 'scopes', 'expiresAt'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', description: 'The whole key: shown this once, never again (only its hash is stored)' },
    id: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string', enum: KEY_SCOPES } },
    expiresAt: nullableString,
  },
} as const;

export const usageReportSchema = {
  $id: 'UsageReport',
  type: 'object',
  required: ['id', 'licence', 'organisationId', 'period', 'currency', 'revenueCents', 'totalCents', 'lines', 'flagged', 'submittedAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    licence: { type: 'string' },
    organisationId: { type: 'string' },
    period,
    currency: { type: 'string' },
    revenueCents: { type: ['integer', 'null'] },
    totalCents: { type: 'integer' },
    lines: { type: 'integer' },
    flagged: { type: 'integer', description: 'Lines outside the licence (kept, priced 0)' },
    submittedAt: { type: 'string' },
  },
} as const;

export const usageLineSchema = {
  $id: 'UsageLine',
  type: 'object',
  required: ['line', 'isrc', 'recordingId', 'uses', 'units', 'seconds', 'flag', 'cents'],
  additionalProperties: false,
  properties: {
    line: { type: 'integer', description: 'Line of the submitted CSV' },
    isrc: { type: 'string' },
    recordingId: nullableString,
    uses: { type: 'array', items: { type: 'string' } },
    units: { type: 'integer' },
    seconds: { type: 'integer' },
    flag: { type: ['string', 'null'], enum: ['unknown-recording', 'out-of-scope', null] },
    cents: { type: 'integer' },
  },
} as const;

export const distributionRunSchema = {
  $id: 'DistributionRun',
  type: 'object',
  required: ['id', 'key', 'period', 'rules', 'collectedCents', 'distributedCents', 'suspenseCents', 'createdAt', 'reports'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    key: { type: 'string', description: 'SHA-256 of the period, rules and reports: the same key is the same run' },
    period,
    rules: { type: 'object', additionalProperties: true },
    collectedCents: { type: 'integer' },
    distributedCents: { type: 'integer' },
    suspenseCents: { type: 'integer' },
    createdAt: { type: 'string' },
    reports: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const reconciliationSchema = {
  $id: 'Reconciliation',
  type: 'object',
  required: ['run', 'reports', 'collectedCents', 'distributedCents', 'suspenseCents', 'byClass', 'suspenseByReason', 'performers', 'recordings', 'checks', 'ok'],
  additionalProperties: true,
  description: 'A run checked by report (collected) and by recording (shares + suspense); `ok` when every check holds',
  properties: {
    collectedCents: { type: 'integer' },
    distributedCents: { type: 'integer' },
    suspenseCents: { type: 'integer' },
    ok: { type: 'boolean' },
    checks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'ok', 'expectedCents', 'actualCents'],
        additionalProperties: false,
        properties: { name: { type: 'string' }, ok: { type: 'boolean' }, expectedCents: { type: 'integer' }, actualCents: { type: 'integer' }, unbalanced: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
} as const;

export const remunerationSchemas = [organisationSchema, accountSchema, issuedKeySchema, usageReportSchema, usageLineSchema, distributionRunSchema, reconciliationSchema];
