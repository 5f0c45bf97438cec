import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, FINAL_STATES, MOVES, REQUEST_STATES, ROLES, actionsFor, transition, type RequestRef } from './workflow.js';

const AT = '2026-03-01T10:00:00.000Z';
const req = (state: RequestRef['state']): RequestRef => ({ id: 'lr-1', state, licensee: 'org-a' });
const officer = { role: 'licensing-officer' as const, id: 'staff-1' };
const licensee = { role: 'licensee' as const, id: 'org-a' };

describe('licence request workflow', () => {
  it('walks the happy path, recording who and when', () => {
    let state = req('submitted');
    const steps = [
      ['review', officer],
      ['offer', officer],
      ['accept', licensee],
      ['activate', officer],
      ['expire', { role: 'system' as const, id: 'system' }],
    ] as const;
    for (const [action, actor] of steps) {
      const e = transition(state, action, actor, AT);
      expect(e).toMatchObject({ request: 'lr-1', action, from: state.state, by: actor, at: AT });
      state = { ...state, state: e.to };
    }
    expect(state.state).toBe('expired');
  });

  it('refuses a move from the wrong state', () => {
    expect(() => transition(req('submitted'), 'accept', licensee, AT)).toThrow(expect.objectContaining({ code: 'LICENSING_BAD_TRANSITION' }));
    expect(() => transition(req('active'), 'offer', officer, AT)).toThrow(/it is active, not under-review/);
  });

  it('refuses the wrong role and another licensee', () => {
    expect(() => transition(req('offered'), 'accept', officer, AT)).toThrow(expect.objectContaining({ code: 'LICENSING_FORBIDDEN' }));
    expect(() => transition(req('offered'), 'accept', { role: 'licensee', id: 'org-b' }, AT)).toThrow(/another licensee/);
    expect(() => transition(req('submitted'), 'review', { role: 'auditor', id: 'a' }, AT)).toThrow(/auditor may not review/);
  });

  it('has no way out of a final state, for anyone (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_STATES), fc.constantFrom(...ACTIONS), fc.constantFrom(...ROLES), (state, action, role) => {
        expect(() => transition(req(state), action, { role, id: 'org-a' }, AT)).toThrow();
      }),
    );
  });

  it('allows exactly the moves of the table (property over every state, action and role)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_STATES), fc.constantFrom(...ACTIONS), fc.constantFrom(...ROLES), (state, action, role) => {
        const ok = MOVES[action].from === state && MOVES[action].by.includes(role);
        let moved = false;
        try {
          transition(req(state), action, { role, id: 'org-a' }, AT);
          moved = true;
        } catch {
          moved = false;
        }
        expect(moved).toBe(ok);
        expect(actionsFor(state, role).includes(action)).toBe(ok);
      }),
    );
  });
});
