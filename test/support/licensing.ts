/** A tariff, licence terms and an offer the licensing tests share (a per-recording-use generative-AI tariff). */
export const TARIFF = {
  id: 'genai-2026',
  version: 1,
  name: 'Generative AI training 2026',
  uses: ['genai-training'],
  validFrom: '2026-01-01T00:00:00.000Z',
  model: { kind: 'per-recording-use', centsPerRecordingPerUse: 25 },
};
export const TERMS = { uses: ['genai-training'], repertoire: { kind: 'all' }, from: '2026-01-01', to: '2027-01-01', product: 'Model X', expectedVolume: '200k recordings' };
export const OFFER = { terms: { ...TERMS, territories: ['FR', 'DE'] }, tariff: { id: 'genai-2026', version: 1 } };
