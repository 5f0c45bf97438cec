/**
 * JSON schemas shared by every route. Routes reference them by `$id` (`{ $ref: 'ErrorBody#' }`); the
 * OpenAPI document lists them under `components.schemas`.
 */
export const nullableString = { type: ['string', 'null'] } as const;

/** The one error body (`error-handler.ts` builds it). */
export const errorBodySchema = {
  $id: 'ErrorBody',
  type: 'object',
  description:
    'Every error response: the HTTP status, a stable machine-readable code (docs/errors.md) and a message for people.',
  required: ['statusCode', 'code', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', examples: [400] },
    code: { type: 'string', examples: ['REGISTRY_INVALID_ID'] },
    message: { type: 'string' },
  },
} as const;

const errorRef = { $ref: 'ErrorBody#' } as const;

/** Error responses every route may give, for the OpenAPI document (the handler also serialises with them). */
export const errorResponses = {
  400: { ...errorRef, description: 'Invalid input (a parameter, the body, or an identifier)' },
  500: { ...errorRef, description: 'Unexpected failure' },
} as const;

export const healthSchema = {
  $id: 'Health',
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['ok'] } },
} as const;

/** Query parameters shared by the status endpoints: the instant, the use and the territory asked about. */
export const statusQueryProperties = {
  at: {
    type: 'string',
    maxLength: 40,
    pattern: '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$',
    description:
      'The instant asked about (ISO-8601 date or date-time, UTC unless an offset is given). Default: now.',
    examples: ['2026-01-01', '2026-01-01T12:00:00Z'],
  },
  use: {
    type: 'string',
    enum: ['ai-training', 'genai-training', 'ai-inference', 'search'],
    description:
      'One use to ask about. Default: every use (the overall status is `reserved` when any use is).',
  },
  territory: {
    type: 'string',
    pattern: '^([A-Za-z]{2}|WORLD)$',
    description: 'ISO 3166-1 alpha-2 territory. Default: any territory a mandate names.',
    examples: ['FR'],
  },
} as const;
