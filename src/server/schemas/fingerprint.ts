/** JSON schemas of `POST /v1/identify`: a raw Chromaprint fingerprint in, the matched recordings out. */
import { nullableString } from './common.js';

const span = {
  type: 'object',
  required: ['start', 'end'],
  additionalProperties: false,
  properties: { start: { type: 'number' }, end: { type: 'number' } },
} as const;

export const identifyMatchSchema = {
  $id: 'IdentifyMatch',
  type: 'object',
  description:
    'An enrolled recording the fingerprint matches: where (offset, spans in seconds) and how well (BER over the matched span, pg_acoustid-style score).',
  required: [
    'recordingId',
    'isrc',
    'title',
    'artist',
    'votes',
    'offset',
    'offsetSeconds',
    'score',
    'ber',
    'query',
    'reference',
  ],
  additionalProperties: false,
  properties: {
    recordingId: { type: 'string' },
    isrc: nullableString,
    title: { type: 'string' },
    artist: { type: 'string' },
    votes: { type: 'integer' },
    offset: { type: 'integer', description: 'reference item = query item + offset (items of 1365/11025 s)' },
    offsetSeconds: { type: 'number' },
    score: { type: 'number' },
    ber: { type: 'number' },
    query: { ...span, description: 'matched span in the query, seconds' },
    reference: { ...span, description: 'matched span in the reference, seconds' },
  },
} as const;

export const identifyAnswerSchema = {
  $id: 'IdentifyAnswer',
  type: 'object',
  required: ['items', 'seconds', 'matches'],
  additionalProperties: false,
  properties: {
    items: { type: 'integer' },
    seconds: { type: 'number' },
    matches: { type: 'array', items: { $ref: 'IdentifyMatch#' } },
  },
} as const;

export const fingerprintSchemas = [identifyMatchSchema, identifyAnswerSchema];
