/** Who takes part in licensing: organisations (licensees), accounts with a role, and the requests they make (types). */
import type { Offer } from './offer.js';
import type { Terms } from './model.js';
import type { RequestState, Role } from './workflow.js';

export interface Organisation {
  id: string;
  name: string;
  createdAt: string;
}

/** Roles an account can hold (the `system` role is the service's own, never an account's). */
export type AccountRole = Exclude<Role, 'system'>;

export interface Account {
  id: string;
  name: string;
  email: string | null;
  role: AccountRole;
  /** Set for licensee accounts: the organisation they act for. */
  organisationId: string | null;
  /** Set for performer accounts: the performer of the registry they are. */
  performerId: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface LicenceRequest {
  id: string;
  organisationId: string;
  /** What was asked. */
  terms: Terms;
  state: RequestState;
  /** The terms offered and the tariff, once offered. */
  offer: Offer | null;
  createdAt: string;
  updatedAt: string;
}
