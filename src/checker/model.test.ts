import { describe, expect, it } from 'vitest';
import { CHECK_USES, decideItem, decideUse, type Evidence } from './model.js';

const ev = (over: Partial<Evidence>): Evidence => ({
  signal: 'tdmrep-header',
  source: 'https://a.example/x header tdm-reservation',
  raw: '1',
  says: 'reserve',
  uses: ['ai-training'],
  rule: 'tdmrep-header-supersedes-file',
  ...over,
});

describe('decideUse', () => {
  it('is not-covered with no evidence, and says so by rule', () => {
    const v = decideUse('search', []);
    expect(v).toEqual({ use: 'search', status: 'not-covered', rule: 'no-signal', evidence: [] });
  });

  it('ignores statements about other uses', () => {
    expect(decideUse('search', [ev({ uses: ['ai-training'] })]).status).toBe('not-covered');
  });

  it('reserves when any statement reserves, even against an explicit allow', () => {
    const allow = ev({ says: 'allow', signal: 'content-usage-header', raw: 'train-ai=y' });
    const reserve = ev({});
    const v = decideUse('ai-training', [allow, reserve]);
    expect(v.status).toBe('reserved');
    expect(v.rule).toBe('any-reservation-reserves');
    expect(v.evidence[0]).toBe(reserve);
    expect(v.evidence).toContain(allow);
  });

  it('turns a reservation into licensed only when every reservation names a held licence', () => {
    const a = ev({ licence: 'https://a.example/policy' });
    const b = ev({ signal: 'content-usage-header', raw: 'train-ai=n' });
    expect(decideUse('ai-training', [a], { licences: ['https://a.example/policy'] }).status).toBe('licensed');
    expect(decideUse('ai-training', [a, b], { licences: ['https://a.example/policy'] }).status).toBe('reserved');
    expect(decideUse('ai-training', [a], { licences: ['https://other.example/'] }).status).toBe('reserved');
  });

  it('never lets an unreadable source become allowed', () => {
    const unreadable = ev({ says: 'unreadable', signal: 'robots-txt', reason: 'HTTP 503' });
    const allow = ev({ says: 'allow' });
    const v = decideUse('ai-training', [allow, unreadable]);
    expect(v.status).toBe('unknown');
    expect(v.rule).toBe('unreadable-source-blocks-allow');
    expect(v.evidence[0]?.reason).toBe('HTTP 503');
  });

  it('a reservation read elsewhere still reserves when another source is unreadable', () => {
    const v = decideUse('ai-training', [ev({ says: 'unreadable' }), ev({})]);
    expect(v.status).toBe('reserved');
  });

  it('allows on an explicit allow alone', () => {
    const v = decideUse('ai-training', [ev({ says: 'allow' })]);
    expect(v.status).toBe('allowed');
    expect(v.rule).toBe('explicit-allow');
  });

  it('a licence offer alone does not decide anything', () => {
    expect(decideUse('ai-training', [ev({ says: 'offer-licence' })]).status).toBe('not-covered');
  });
});

describe('decideItem', () => {
  it('answers every use', () => {
    const item = decideItem('https://a.example/', [ev({ uses: ['search'], says: 'allow' })]);
    expect(Object.keys(item.uses)).toEqual([...CHECK_USES]);
    expect(item.uses.search.status).toBe('allowed');
    expect(item.uses['ai-inference'].status).toBe('not-covered');
  });
});
