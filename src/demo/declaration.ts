/**
 * The reservation declaration of the demo CMO, as data for the seeding code to record with
 * `RegistryService.declare`: every kind of AI use, both media, worldwide, in force from 1 January 2025.
 */
import { AI_USES, MEDIA, WORLD } from '../registry/model.js';
import type { DeclarationInput } from '../registry/service.js';

export const DEMO_ISSUER = 'Spedidam (demo)';
export const DEMO_DECLARATION_EFFECTIVE = '2025-01-01';

export function demoDeclaration(): DeclarationInput {
  return {
    issuer: DEMO_ISSUER,
    uses: [...AI_USES],
    media: [...MEDIA],
    territories: [WORLD],
    effectiveFrom: DEMO_DECLARATION_EFFECTIVE,
  };
}
