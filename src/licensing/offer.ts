/** An offer: the terms the collective grants and the tariff version that prices them (zod at the edge). */
import { z } from 'zod';
import { parseWith } from './parse.js';
import { termsSchema, type Terms } from './model.js';

export const offerSchema = z
  .object({
    terms: termsSchema,
    tariff: z.object({ id: z.string().min(1).max(64), version: z.number().int().positive() }).strict(),
  })
  .strict();

export interface Offer {
  terms: Terms;
  tariff: { id: string; version: number };
}

/** An offer from untrusted input, or LICENSING_BAD_USAGE naming every bad field. */
export function parseOffer(value: unknown, source: string): Offer {
  return parseWith(offerSchema, value, source, 'LICENSING_BAD_USAGE');
}
