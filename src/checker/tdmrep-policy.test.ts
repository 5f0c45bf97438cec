import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseTdmPolicy } from './tdmrep-policy.js';

// The constructed CMO example of signals.md §1.8.
const CMO = {
  '@context': ['http://www.w3.org/ns/odrl.jsonld', 'http://www.w3.org/ns/tdmrep.jsonld'],
  '@type': 'Offer',
  profile: 'http://www.w3.org/ns/tdmrep',
  uid: 'https://cmo.example/policies/tdm/1',
  assigner: { uid: 'https://cmo.example', 'vcard:fn': 'Example Performers CMO', 'vcard:hasEmail': 'mailto:ai-licensing@cmo.example', 'vcard:hasURL': 'https://cmo.example/ai-licensing' },
  permission: [{ target: 'https://cmo.example/repertoire/recordings', action: 'tdm:mine', duty: [{ action: 'obtainConsent' }, { action: 'compensate' }] }],
};

describe('summariseTdmPolicy', () => {
  it('summarises who to ask, for what and on which duties', () => {
    expect(summariseTdmPolicy(CMO)).toEqual({
      uid: 'https://cmo.example/policies/tdm/1',
      assigner: { uid: 'https://cmo.example', name: 'Example Performers CMO', email: 'ai-licensing@cmo.example', url: 'https://cmo.example/ai-licensing' },
      permissions: [{ target: 'https://cmo.example/repertoire/recordings', action: 'tdm:mine', duties: ['obtainConsent', 'compensate'], purposes: [] }],
      problems: [],
    });
  });

  it('reads full IRIs and a purpose constraint (spec example 2 shape)', () => {
    const doc = { ...CMO, permission: { action: 'http://www.w3.org/ns/tdmrep#mine', duty: { action: 'compensate' }, constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: 'tdm:non-research' }] } };
    expect(summariseTdmPolicy(doc).permissions).toEqual([{ target: null, action: 'tdm:mine', duties: ['compensate'], purposes: ['tdm:non-research'] }]);
  });

  it('lists what does not fit the profile instead of failing', () => {
    expect(summariseTdmPolicy({ '@type': 'Set', permission: [{ action: 'use' }] }).problems).toEqual([
      '@type is not "Offer"',
      'profile is not http://www.w3.org/ns/tdmrep',
      'no assigner',
      'permission action "use" is not tdm:mine',
    ]);
    expect(summariseTdmPolicy([1]).problems).toEqual(['not a JSON object']);
  });

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(Array.isArray(summariseTdmPolicy(v).problems)).toBe(true);
      }),
    );
  });
});
