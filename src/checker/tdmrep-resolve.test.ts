import { describe, expect, it } from 'vitest';
import { readHtmlSignals } from './html-signals.js';
import { matchTdmrep, parseTdmrep } from './tdmrep-file.js';
import { fileStep, headerStep, metaStep, readReservationValue, resolveTdmrep, tdmrepEvidence, type TdmrepStep } from './tdmrep-resolve.js';

const file = (body: string, path: string): TdmrepStep => {
  const parsed = parseTdmrep(body);
  const m = matchTdmrep(parsed, path);
  const rule = parsed.rules.find((r) => r.index === m.rule) ?? null;
  return fileStep('https://a.example/.well-known/tdmrep.json', m, rule);
};
const headers = (h: Record<string, string>) => headerStep('https://a.example/x (headers)', (n) => h[n] ?? null);

describe('TDMRep precedence', () => {
  const reserved = file('[{"location":"/","tdm-reservation":1,"tdm-policy":"https://a.example/p.json"}]', '/x');

  it('a header supersedes the file', () => {
    const r = resolveTdmrep([reserved, headers({ 'tdm-reservation': '0' })]);
    expect(r).toMatchObject({ reservation: 0, policy: null });
    expect(r.decidedBy?.kind).toBe('tdmrep-header');
  });

  it('an absent header property does not reset the file value', () => {
    const r = resolveTdmrep([reserved, headers({})]);
    expect(r).toMatchObject({ reservation: 1, policy: 'https://a.example/p.json' });
    expect(r.decidedBy?.kind).toBe('tdmrep-file');
  });

  it('an invalid header value counts as absent and is reported', () => {
    const h = headers({ 'tdm-reservation': 'yes' });
    expect(h.problem).toBe('tdm-reservation "yes" is not 0 or 1');
    expect(resolveTdmrep([reserved, h]).reservation).toBe(1);
  });

  it('meta supersedes headers', () => {
    const meta = metaStep('https://a.example/x (html)', readHtmlSignals('<meta name="tdm-reservation" content="1"><meta name="tdm-policy" content="https://a.example/m.json">'));
    const r = resolveTdmrep([file('[]', '/x'), headers({ 'tdm-reservation': '0' }), meta]);
    expect(r).toMatchObject({ reservation: 1, policy: 'https://a.example/m.json' });
    expect(r.decidedBy?.kind).toBe('tdmrep-meta');
  });

  it('reads only 0 and 1', () => {
    expect([' 1 ', '0', '2', '', 'true', '01'].map((v) => readReservationValue(v))).toEqual([1, 0, null, null, null, null]);
  });
});

describe('tdmrepEvidence', () => {
  it('turns reservation 1 into a reservation of every use, naming the policy as the licence', () => {
    const [e] = tdmrepEvidence(resolveTdmrep([headers({ 'tdm-reservation': '1', 'tdm-policy': 'https://a.example/p.json' })]));
    expect(e).toMatchObject({ signal: 'tdmrep-header', says: 'reserve', licence: 'https://a.example/p.json', rule: 'tdmrep-header-supersedes-file' });
    expect(e?.uses).toEqual(['ai-training', 'genai-training', 'ai-inference', 'search']);
  });

  it('turns reservation 0 into an explicit allow', () => {
    expect(tdmrepEvidence(resolveTdmrep([headers({ 'tdm-reservation': '0' })]))[0]?.says).toBe('allow');
  });

  it('reports an unreadable file only when nothing later decided', () => {
    const unreadable: TdmrepStep = { kind: 'tdmrep-file', source: 'f', rawReservation: null, rawPolicy: null, reservation: null, unreadable: 'HTTP 500' };
    expect(tdmrepEvidence(resolveTdmrep([unreadable]))).toMatchObject([{ says: 'unreadable', reason: 'HTTP 500' }]);
    expect(tdmrepEvidence(resolveTdmrep([unreadable, headers({ 'tdm-reservation': '1' })]))).toMatchObject([{ says: 'reserve' }]);
    expect(tdmrepEvidence(resolveTdmrep([headers({})]))).toEqual([]);
  });
});
