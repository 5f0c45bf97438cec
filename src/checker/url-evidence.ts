/**
 * How each signal read for a URL becomes evidence (pure). The readings are conservative where the
 * vocabularies differ: AIPREF `train-ai` (generative training in vocab-07) reserves both training uses when
 * `n` but allows only generative training when `y`; a robots.txt Disallow for the caller's token refuses
 * acquisition, so it reserves every use; `noai` reserves training.
 */
import type { AiprefPreferences } from './aipref.js';
import type { ContentSignals } from './content-signal.js';
import { AI_USES, CHECK_USES, TRAINING_USES, type CheckUse, type Evidence, type SignalKind } from './model.js';
import type { RobotsAnswer } from './robots-eval.js';

export function robotsEvidence(robotsUrl: string, a: RobotsAnswer): Evidence[] {
  const out: Evidence[] = [];
  const licence = a.licenses[0]?.value;
  const withLicence = licence !== undefined ? { licence } : {};
  if (!a.allowed && a.matched !== null) {
    out.push({ signal: 'robots-txt', source: `${robotsUrl} line ${a.matched.line}`, raw: `Disallow: ${a.matched.pattern}`, says: 'reserve', uses: CHECK_USES, rule: a.rule, ...withLicence });
  }
  if (a.contentUsage !== null) {
    for (const r of a.contentUsage.rules) {
      out.push(...aiprefEvidence('robots-content-usage', `${robotsUrl} line ${r.line}`, `Content-Usage: ${r.raw}`, a.contentUsage.preferences, licence));
    }
  }
  if (a.contentSignals.lines.length > 0) {
    const lines = a.contentSignals.lines;
    out.push(...contentSignalEvidence(`${robotsUrl} line ${lines.map((l) => l.line).join(',')}`, lines.map((l) => `Content-Signal: ${l.value}`).join(' / '), a.contentSignals.signals, licence));
  }
  for (const l of a.licenses) {
    out.push({ signal: 'robots-license', source: `${robotsUrl} line ${l.line}`, raw: `License: ${l.value}`, says: 'offer-licence', uses: AI_USES, rule: 'rsl-license-discovery', licence: l.value });
  }
  return out;
}

export function aiprefEvidence(signal: SignalKind, source: string, raw: string, p: AiprefPreferences, licence?: string): Evidence[] {
  const out: Evidence[] = [];
  const extra = licence !== undefined ? { licence } : {};
  if (p['train-ai'] === 'disallow') out.push({ signal, source, raw, says: 'reserve', uses: TRAINING_USES, rule: 'aipref-most-restrictive', ...extra });
  if (p['train-ai'] === 'allow') out.push({ signal, source, raw, says: 'allow', uses: ['genai-training'], rule: 'aipref-most-restrictive' });
  if (p.search === 'disallow') out.push({ signal, source, raw, says: 'reserve', uses: ['search'], rule: 'aipref-most-restrictive', ...extra });
  if (p.search === 'allow') out.push({ signal, source, raw, says: 'allow', uses: ['search'], rule: 'aipref-most-restrictive' });
  return out;
}

export function contentSignalEvidence(source: string, raw: string, s: ContentSignals, licence?: string, signal: 'robots-content-signal' | 'content-signal-header' = 'robots-content-signal'): Evidence[] {
  const map: [keyof ContentSignals, readonly CheckUse[]][] = [
    ['ai-train', TRAINING_USES],
    ['ai-input', ['ai-inference']],
    ['search', ['search']],
  ];
  const extra = licence !== undefined ? { licence } : {};
  const out: Evidence[] = [];
  for (const [key, uses] of map) {
    if (s[key] === 'no') out.push({ signal, source, raw, says: 'reserve', uses, rule: 'content-signal-group', ...extra });
    if (s[key] === 'yes') out.push({ signal, source, raw, says: 'allow', uses, rule: 'content-signal-group' });
  }
  return out;
}

/**
 * `noai` / `noimageai` tokens of `X-Robots-Tag` values or robots `<meta>` contents. A value prefixed by a
 * bot name (`gptbot: noai`) applies to that bot only; `noimageai` only to images.
 */
export function noaiEvidence(signal: 'x-robots-tag' | 'robots-meta', source: string, values: readonly string[], agent: string, isImage: boolean): Evidence[] {
  const out: Evidence[] = [];
  for (const raw of values) {
    let v = raw;
    const m = /^\s*([A-Za-z_-]+)\s*:(.*)$/.exec(raw);
    if (m !== null && !/^\s*(noai|noimageai|noindex|nofollow|none|all)\b/i.test(m[1] ?? '')) {
      if ((m[1] ?? '').toLowerCase() !== agent.toLowerCase()) continue;
      v = m[2] ?? '';
    }
    const tokens = v.split(',').map((t) => t.trim().toLowerCase());
    if (tokens.includes('noai') || (isImage && tokens.includes('noimageai'))) {
      out.push({ signal, source, raw, says: 'reserve', uses: TRAINING_USES, rule: 'noai-token' });
    }
  }
  return out;
}

export function unreadableEvidence(signal: SignalKind, source: string, reason: string, uses: readonly CheckUse[] = CHECK_USES): Evidence {
  return { signal, source, raw: '', says: 'unreadable', uses, rule: signal === 'robots-txt' ? 'rfc9309-unreachable-disallows' : 'unreadable-source-blocks-allow', reason };
}
