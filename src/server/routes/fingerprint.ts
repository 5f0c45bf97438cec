/**
 * `POST /v1/identify`: which enrolled (reserved) recordings a raw Chromaprint fingerprint contains, for
 * callers that fingerprint on their side (`fpcalc -raw -length 0`) and send items rather than audio.
 */
import type { FastifyInstance } from 'fastify';
import type { FingerprintService } from '../../fingerprint/identify/service.js';
import { itemsToSeconds } from '../../fingerprint/identify/model.js';
import { errorResponses } from '../schemas/common.js';

export interface FingerprintRoutesDeps {
  fingerprint: Pick<FingerprintService, 'identify'>;
}

/** About 62 minutes of audio; the JSON of that many items stays under the route's body limit. */
export const MAX_IDENTIFY_ITEMS = 30_000;

export function registerFingerprintRoutes(app: FastifyInstance, deps: FingerprintRoutesDeps): void {
  app.post<{ Body: { fingerprint: number[]; maxBer?: number; minSpanSeconds?: number; minScore?: number } }>(
    '/v1/identify',
    {
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['registry'],
        summary: 'Identify reserved recordings in a raw fingerprint',
        description:
          "Takes the raw 32-bit sub-fingerprints of Chromaprint's default algorithm (`fpcalc -raw -length 0`, unsigned), at least 16 items. Excerpts are found at any offset. Thresholds default to the calibrated ones (docs/fingerprint-identify.md).",
        body: {
          type: 'object',
          required: ['fingerprint'],
          additionalProperties: false,
          properties: {
            fingerprint: {
              type: 'array',
              minItems: 16,
              maxItems: MAX_IDENTIFY_ITEMS,
              items: { type: 'integer', minimum: 0, maximum: 4294967295 },
            },
            maxBer: { type: 'number', minimum: 0, maximum: 0.5 },
            minSpanSeconds: { type: 'number', minimum: 0, maximum: 3600 },
            minScore: { type: 'number', minimum: 0, maximum: 1 },
          },
        },
        response: { 200: { $ref: 'IdentifyAnswer#' }, ...errorResponses },
      },
    },
    async (request) => {
      const { fingerprint, ...thresholds } = request.body;
      const raw = Uint32Array.from(fingerprint);
      const matches = await deps.fingerprint.identify(raw, { thresholds });
      return { items: raw.length, seconds: itemsToSeconds(raw.length), matches };
    },
  );
}
