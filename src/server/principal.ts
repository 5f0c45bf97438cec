/** Who calls a desk route: the account behind `Authorization: Bearer <API key>`, for the scopes the route takes. */
import type { FastifyRequest } from 'fastify';
import { bearerKey, type KeyScope } from '../licensing/api-keys.js';
import { LicensingError } from '../licensing/errors.js';
import type { LicensingService, Principal } from '../licensing/service.js';

export function principalReader(licensing: LicensingService): (request: FastifyRequest, scopes: readonly KeyScope[]) => Promise<Principal> {
  return async (request, scopes) => {
    const key = bearerKey(request.headers.authorization);
    if (key === null) throw new LicensingError('LICENSING_UNAUTHENTICATED', 'this route needs Authorization: Bearer <API key>');
    return licensing.authenticate(key, scopes);
  };
}
