/**
 * The HTML report of a manifest check (pure): one self-contained page, inline CSS and SVG charts, no
 * script and no network, readable offline and printable. Charts: share of rows reserved, rows by match
 * method (and how many of them reserved), performers with the most reserved rows, status per use.
 */
import { QUERY_USES } from '../registry/model.js';
import { MATCH_METHODS } from './manifest-model.js';
import type { ManifestSummary } from './manifest-summary.js';

export interface ReportMeta {
  manifest: string;
  /** Where the answers came from: the snapshot file and its checkpoint, or the service URL. */
  source: string;
  at: string;
  threshold: number | string;
  /** What the threshold is (default: the fuzzy match threshold of a manifest check). */
  thresholdLabel?: string;
  /** What was checked, plural (default `rows`; `tdmr scan` reports `files`). */
  unit?: string;
  generatedAt: string;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const int = (n: number): string => n.toLocaleString('en-GB');

function donut(share: number): string {
  const r = 60;
  const c = 2 * Math.PI * r;
  return `<svg viewBox="0 0 160 160" width="160" height="160" role="img" aria-label="${pct(share)} reserved">
<circle cx="80" cy="80" r="${r}" fill="none" stroke="#d9dee5" stroke-width="24"/>
<circle cx="80" cy="80" r="${r}" fill="none" stroke="#b3261e" stroke-width="24" stroke-dasharray="${(share * c).toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 80 80)"/>
<text x="80" y="86" text-anchor="middle" font-size="22" font-weight="600">${pct(share)}</text></svg>`;
}

/** Horizontal bars: each row a label, a total bar and (optionally) its reserved part. */
function bars(rows: { label: string; total: number; reserved?: number }[], aria: string): string {
  const max = Math.max(1, ...rows.map((r) => r.total));
  const h = 26;
  const body = rows
    .map((r, i) => {
      const y = i * h;
      const w = (r.total / max) * 300;
      const rw = ((r.reserved ?? 0) / max) * 300;
      return `<text x="0" y="${y + 17}" font-size="13">${esc(r.label)}</text>
<rect x="190" y="${y + 4}" width="${w.toFixed(1)}" height="18" fill="#9fb3c8"/>
${r.reserved !== undefined ? `<rect x="190" y="${y + 4}" width="${rw.toFixed(1)}" height="18" fill="#b3261e"/>` : ''}
<text x="${(196 + w).toFixed(1)}" y="${y + 17}" font-size="12">${int(r.total)}${r.reserved !== undefined ? ` (${int(r.reserved)} reserved)` : ''}</text>`;
    })
    .join('\n');
  return `<svg viewBox="0 0 640 ${Math.max(h, rows.length * h)}" width="640" height="${Math.max(h, rows.length * h)}" role="img" aria-label="${esc(aria)}">${body}</svg>`;
}

export function renderReport(s: ManifestSummary, meta: ReportMeta): string {
  const unit = meta.unit ?? 'rows';
  const methods = bars(
    MATCH_METHODS.map((m) => ({ label: m, total: s.byMethod[m], reserved: s.reservedByMethod[m] })),
    `${unit} by match method`,
  );
  const performers =
    s.topPerformers.length === 0
      ? `<p>No reserved ${unit}.</p>`
      : bars(
          s.topPerformers.map((p) => ({ label: p.artist.slice(0, 28), total: p.reserved })),
          `performers with most reserved ${unit}`,
        );
  const uses = QUERY_USES.map(
    (u) =>
      `<tr><th>${u}</th>${(['reserved', 'not-covered', 'unknown', 'licensed'] as const).map((st) => `<td>${int(s.byUse[u][st])}</td>`).join('')}</tr>`,
  ).join('');
  const errors =
    s.firstErrors.length === 0
      ? ''
      : `<h2>${unit === 'rows' ? 'Rows' : `${unit[0]!.toUpperCase()}${unit.slice(1)}`} that could not be read</h2><table><tr><th>${unit === 'rows' ? 'line' : '#'}</th><th>field</th><th>reason</th></tr>${s.firstErrors
          .map((e) => `<tr><td>${e.line}</td><td>${esc(e.field)}</td><td>${esc(e.reason)}</td></tr>`)
          .join('')}</table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>TDM reservation check: ${esc(meta.manifest)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:900px;color:#1d232a;padding:0 1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
.cards{display:flex;gap:2rem;align-items:center;flex-wrap:wrap}
table{border-collapse:collapse}td,th{border:1px solid #ccd3db;padding:.25rem .6rem;text-align:right}th:first-child{text-align:left}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{color:#56606b}
</style></head><body>
<h1>TDM reservation check of ${esc(meta.manifest)}</h1>
<dl><dt>answers from</dt><dd>${esc(meta.source)}</dd><dt>reservations at</dt><dd>${esc(meta.at)}</dd>
<dt>${esc(meta.thresholdLabel ?? 'fuzzy match threshold')}</dt><dd>${esc(String(meta.threshold))}</dd><dt>generated</dt><dd>${esc(meta.generatedAt)}</dd></dl>
<h2>Share reserved</h2>
<div class="cards">${donut(s.shareReserved)}<p><strong>${int(s.reserved)}</strong> of <strong>${int(s.rows)}</strong> ${unit} are reserved for at least one use
(Art. 4(3) Directive (EU) 2019/790). ${int(s.errors)} ${unit} could not be read.</p></div>
<h2>By match method</h2>${methods}
<h2>Top performers (reserved ${unit})</h2>${performers}
<h2>Status per use</h2><table><tr><th>use</th><th>reserved</th><th>not-covered</th><th>unknown</th><th>licensed</th></tr>${uses}</table>
${errors}
</body></html>
`;
}
