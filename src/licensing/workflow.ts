/**
 * The life of a licence request (pure): who may move it from which state to which, and what each move
 * records. The service applies a transition and appends its event to the transparency log in the same
 * transaction; this file decides whether the transition is allowed at all.
 *
 *   submitted ─review→ under-review ─offer→ offered ─accept→ accepted ─activate→ active ─expire→ expired
 *                          └─reject→ rejected   └─decline→ rejected               └─terminate→ terminated
 *
 * Staff act on requests (a licensing officer, or an administrator); only the requesting licensee accepts
 * or declines an offer; expiry is the system's, once the term has ended.
 */
import { LicensingError } from './errors.js';

export const REQUEST_STATES = ['submitted', 'under-review', 'offered', 'accepted', 'active', 'expired', 'terminated', 'rejected'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const ROLES = ['administrator', 'rights-manager', 'licensing-officer', 'auditor', 'licensee', 'performer', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['review', 'offer', 'reject', 'accept', 'decline', 'activate', 'expire', 'terminate'] as const;
export type Action = (typeof ACTIONS)[number];

interface Move {
  from: RequestState;
  to: RequestState;
  by: readonly Role[];
}

const STAFF: readonly Role[] = ['licensing-officer', 'administrator'];

/** Every allowed move; anything else is LICENSING_BAD_TRANSITION. */
export const MOVES: Readonly<Record<Action, Move>> = {
  review: { from: 'submitted', to: 'under-review', by: STAFF },
  offer: { from: 'under-review', to: 'offered', by: STAFF },
  reject: { from: 'under-review', to: 'rejected', by: STAFF },
  accept: { from: 'offered', to: 'accepted', by: ['licensee'] },
  decline: { from: 'offered', to: 'rejected', by: ['licensee'] },
  activate: { from: 'accepted', to: 'active', by: STAFF },
  expire: { from: 'active', to: 'expired', by: ['system'] },
  terminate: { from: 'active', to: 'terminated', by: STAFF },
};

/** States nothing moves out of. */
export const FINAL_STATES: readonly RequestState[] = ['expired', 'terminated', 'rejected'];

export interface Actor {
  role: Role;
  /** The account (staff), the organisation (licensee) or `system`. */
  id: string;
}

/** The record of one move: what the log keeps of it. */
export interface TransitionEvent {
  request: string;
  action: Action;
  from: RequestState;
  to: RequestState;
  by: Actor;
  at: string;
  /** Free text from the actor (a reason for a rejection, a note with an offer). */
  note: string | null;
}

export interface RequestRef {
  id: string;
  state: RequestState;
  /** The organisation that asked. */
  licensee: string;
}

/**
 * The move `action` by `actor` on `request` at `at`, or LICENSING_FORBIDDEN (the actor's role may not
 * make it, or a licensee acting on another's request) / LICENSING_BAD_TRANSITION (not from this state).
 */
export function transition(request: RequestRef, action: Action, actor: Actor, at: string, note: string | null = null): TransitionEvent {
  const move = MOVES[action];
  if (!move.by.includes(actor.role)) {
    throw new LicensingError('LICENSING_FORBIDDEN', `a ${actor.role} may not ${action} a licence request`, { details: { action, role: actor.role } });
  }
  if (actor.role === 'licensee' && actor.id !== request.licensee) {
    throw new LicensingError('LICENSING_FORBIDDEN', `licence request ${request.id} belongs to another licensee`, { details: { request: request.id } });
  }
  if (request.state !== move.from) {
    throw new LicensingError('LICENSING_BAD_TRANSITION', `cannot ${action} licence request ${request.id}: it is ${request.state}, not ${move.from}`, {
      details: { request: request.id, state: request.state, action },
    });
  }
  return { request: request.id, action, from: move.from, to: move.to, by: actor, at, note };
}

/** The actions `role` could take on a request in `state` (for a UI's buttons and the API's hints). */
export function actionsFor(state: RequestState, role: Role): Action[] {
  return ACTIONS.filter((a) => MOVES[a].from === state && MOVES[a].by.includes(role));
}
