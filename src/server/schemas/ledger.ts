/**
 * JSON schemas of the transparency log routes. Inline (no `$ref` to shared ids) so the plugin also
 * works on an app that registered no shared schemas; the OpenAPI document shows them in place.
 */
import { MAX_ENTRY_PAGE } from '../../ledger/service.js';
import { QUERY_USES } from '../../registry/model.js';

export const errorBody = {
  type: 'object',
  description: 'Every error: HTTP status, a stable code (docs/errors.md) and a message for people.',
  required: ['statusCode', 'code', 'message'],
  properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
} as const;

export const errors = {
  400: { ...errorBody, description: 'Invalid parameter (a size or index beyond the log, a bad ISRC or instant)' },
  500: { ...errorBody, description: 'Unexpected failure (e.g. the signer key is missing)' },
} as const;
export const notFound = { 404: { ...errorBody, description: 'Nothing matches' } } as const;

const count = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;
const base64Hash = { type: 'string', description: 'SHA-256 hash, standard base64', examples: ['47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='] } as const;
const note = { type: 'string', description: 'Signed checkpoint: C2SP tlog-checkpoint text, a blank line, signature lines (C2SP signed-note, Ed25519)' } as const;

export const textResponse = (description: string) => ({ description, content: { 'text/plain': { schema: { type: 'string' } } } }) as const;

export const entriesQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['start'],
  properties: {
    start: { ...count, description: 'First entry index' },
    end: { ...count, description: `End (exclusive); at most ${MAX_ENTRY_PAGE} entries are returned, never beyond the log` },
  },
} as const;

export const entryPage = {
  type: 'object',
  required: ['start', 'end', 'size', 'entries'],
  properties: {
    start: count,
    end: count,
    size: { ...count, description: 'Entries in the log now' },
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'type', 'at', 'leafHash', 'body'],
        properties: {
          index: count,
          type: { type: 'string', examples: ['mandate.version'] },
          at: { type: 'string', description: 'When the change was made (ISO-8601 UTC)' },
          leafHash: { ...base64Hash, description: 'RFC 9162 leaf hash: SHA-256(0x00 || body)' },
          body: { type: 'string', description: 'The entry, canonical JSON (RFC 8785) of { type, at, data }: the exact bytes hashed' },
        },
      },
    },
  },
} as const;

export const inclusionQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['index'],
  properties: {
    index: { ...count, description: 'Entry index' },
    size: { ...count, description: 'Tree size; default: the latest checkpoint (a new one is signed when the entry is beyond it)' },
  },
} as const;

export const inclusionAnswer = {
  type: 'object',
  required: ['index', 'treeSize', 'leafHash', 'proof', 'rootHash', 'checkpoint'],
  properties: {
    index: count,
    treeSize: count,
    leafHash: base64Hash,
    proof: { type: 'array', items: base64Hash, description: 'RFC 9162 inclusion proof (audit path), leaf side first' },
    rootHash: { ...base64Hash, description: 'Root of the tree of treeSize entries' },
    checkpoint: { anyOf: [note, { type: 'null' }], description: 'The signed checkpoint of exactly treeSize, if one was signed' },
  },
} as const;

export const consistencyQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['from'],
  properties: {
    from: { ...count, minimum: 1, description: 'Size of the older tree' },
    to: { ...count, description: 'Size of the newer tree; default: the latest checkpoint' },
  },
} as const;

export const consistencyAnswer = {
  type: 'object',
  required: ['from', 'to', 'proof', 'fromRoot', 'toRoot', 'checkpoint'],
  properties: {
    from: count,
    to: count,
    proof: { type: 'array', items: base64Hash, description: 'RFC 9162 consistency proof' },
    fromRoot: base64Hash,
    toRoot: base64Hash,
    checkpoint: { anyOf: [note, { type: 'null' }] },
  },
} as const;

export const proofQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    at: { type: 'string', maxLength: 40, description: 'The instant (ISO-8601 date or date-time); default now' },
    use: { type: 'string', enum: [...QUERY_USES], description: 'One use; default every use' },
    territory: { type: 'string', pattern: '^([A-Za-z]{2}|WORLD)$' },
  },
} as const;

const reason = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    declarationId: { type: 'string' },
    performerId: { type: 'string' },
    performerName: { type: 'string' },
    mandateId: { type: 'string' },
    mandateVersion: { type: 'integer' },
    legalBasis: { type: 'string' },
  },
} as const;

export const reservationProof = {
  type: 'object',
  description: 'Self-contained proof that the log showed the recording reserved at the instant; check it with `tdmr verify-proof` or `verifyReservationProof`.',
  required: ['format', 'recording', 'at', 'territory', 'status', 'uses', 'checkpoint', 'entries'],
  properties: {
    format: { type: 'string', enum: ['tdm-reserve/reservation-proof/v1'] },
    recording: { type: 'object', required: ['isrc', 'id'], properties: { isrc: { type: 'string' }, id: { type: 'string' } } },
    at: { type: 'string' },
    territory: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['reserved'] },
    uses: {
      type: 'array',
      items: {
        type: 'object',
        required: ['use', 'status', 'reasons'],
        properties: { use: { type: 'string' }, status: { type: 'string' }, reasons: { type: 'array', items: reason } },
      },
    },
    checkpoint: note,
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'body', 'proof'],
        properties: { index: count, body: { type: 'string' }, proof: { type: 'array', items: base64Hash } },
      },
    },
  },
} as const;

export const logKeyJson = {
  type: 'object',
  required: ['origin', 'verifierKey', 'algorithm', 'checkpoint'],
  properties: {
    origin: { type: 'string', description: 'First line of every checkpoint of this log' },
    verifierKey: { type: 'string', description: 'C2SP signed-note verifier key: <name>+<hex key id>+<base64(0x01 || Ed25519 public key)>' },
    algorithm: { type: 'string', enum: ['Ed25519'] },
    checkpoint: { type: 'string', description: 'Where the latest signed checkpoint is served' },
  },
} as const;
