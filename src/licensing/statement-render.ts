/**
 * Statements as CSV (csv-stringify: RFC 4180 quoting) and as printable HTML pages in French or English
 * (A4 print stylesheet, no script, no external resource: a browser's "print to PDF" gives the PDF).
 * Pure: values in, text out.
 */
import { stringify } from 'csv-stringify/sync';
import type { LicenseeStatement, PerformerStatement, Reconciliation } from './statements.js';

export type Lang = 'fr' | 'en';

const euros = (cents: number) => (cents / 100).toFixed(2);

export function performerStatementCsv(st: PerformerStatement): string {
  return stringify(
    st.lines.map((l) => [st.run.id, st.performer.id, l.recording, l.role, l.featured ? 'yes' : 'no', l.cents, euros(l.cents), st.run.currency]),
    { header: true, columns: ['run', 'performer', 'recording', 'role', 'featured', 'cents', 'amount', 'currency'] },
  );
}

export function licenseeStatementCsv(st: LicenseeStatement): string {
  return stringify(
    st.reports.map((r) => [st.organisation.id, r.id, r.licence, r.period.from, r.period.to, r.lines, r.flagged, r.revenueCents ?? '', r.totalCents, euros(r.totalCents), r.currency, r.run ?? '']),
    { header: true, columns: ['organisation', 'report', 'licence', 'from', 'to', 'lines', 'flagged', 'revenue_cents', 'cents', 'amount', 'currency', 'run'] },
  );
}

const TEXT = {
  fr: {
    performer: 'Relevé de répartition',
    who: 'Artiste',
    organisation: 'Licencié',
    licensee: 'Relevé du licencié',
    reconciliation: 'Rapprochement de la répartition',
    run: 'Répartition',
    period: 'Période',
    made: 'Établie le',
    recording: 'Enregistrement',
    role: 'Rôle',
    featured: 'Principal',
    amount: 'Montant',
    total: 'Total',
    yes: 'oui',
    no: 'non',
    report: 'Relevé d’utilisation',
    licence: 'Licence',
    lines: 'Lignes',
    flagged: 'Signalées',
    paidIn: 'Réparti dans',
    pending: 'en attente',
    collected: 'Perçu',
    distributed: 'Réparti',
    suspense: 'En attente (suspens)',
    featuredClass: 'Artistes principaux',
    nonFeaturedClass: 'Artistes d’accompagnement',
    reason: 'Motif',
    check: 'Contrôle',
    expected: 'Attendu',
    actual: 'Constaté',
    ok: 'conforme',
    bad: 'ÉCART',
    balanced: 'Les comptes de cette répartition sont équilibrés au centime.',
    unbalanced: 'Les comptes de cette répartition ne sont pas équilibrés.',
    performers: 'Artistes payés',
    recordings: 'Enregistrements',
    none: 'Aucune ligne.',
  },
  en: {
    performer: 'Distribution statement',
    who: 'Performer',
    organisation: 'Licensee',
    licensee: 'Licensee statement',
    reconciliation: 'Distribution run reconciliation',
    run: 'Run',
    period: 'Period',
    made: 'Made on',
    recording: 'Recording',
    role: 'Role',
    featured: 'Featured',
    amount: 'Amount',
    total: 'Total',
    yes: 'yes',
    no: 'no',
    report: 'Usage report',
    licence: 'Licence',
    lines: 'Lines',
    flagged: 'Flagged',
    paidIn: 'Distributed in',
    pending: 'pending',
    collected: 'Collected',
    distributed: 'Distributed',
    suspense: 'Held in suspense',
    featuredClass: 'Featured performers',
    nonFeaturedClass: 'Non-featured performers',
    reason: 'Reason',
    check: 'Check',
    expected: 'Expected',
    actual: 'Actual',
    ok: 'ok',
    bad: 'MISMATCH',
    balanced: 'The books of this run balance to the cent.',
    unbalanced: 'The books of this run do not balance.',
    performers: 'Performers paid',
    recordings: 'Recordings',
    none: 'No lines.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** The labels of both languages have the same keys (checked by the compiler through `satisfies` and a test). */
export const STATEMENT_TEXT: Readonly<Record<Lang, Readonly<Record<string, string>>>> = TEXT;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

const locale = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');
const money = (lang: Lang, currency: string) => {
  const f = new Intl.NumberFormat(locale(lang), { style: 'currency', currency });
  return (cents: number) => escapeHtml(f.format(cents / 100));
};
const day = (lang: Lang, iso: string) => escapeHtml(new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso)));

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
@page { size: A4; margin: 18mm 15mm; }
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dt { font-weight: 600; } table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #bbb; padding: .3rem .5rem; text-align: left; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: 700; border-top: 2px solid #111; } .bad { color: #a00; font-weight: 700; }
thead { display: table-header-group; } tr { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } }
</style></head><body><main>
${body}
</main></body></html>
`;
}

export function performerStatementHtml(st: PerformerStatement, lang: Lang): string {
  const t = TEXT[lang];
  const m = money(lang, st.run.currency);
  const rows = st.lines
    .map((l) => `<tr><td>${escapeHtml(l.recording)}</td><td>${escapeHtml(l.role)}</td><td>${l.featured ? t.yes : t.no}</td><td class="n">${m(l.cents)}</td></tr>`)
    .join('\n');
  return page(
    lang,
    `${t.performer} · ${st.performer.name ?? st.performer.id}`,
    `<h1>${t.performer}</h1>
<dl><dt>${t.who}</dt><dd>${escapeHtml(st.performer.name ?? st.performer.id)} (${escapeHtml(st.performer.id)})</dd>
<dt>${t.run}</dt><dd>${escapeHtml(st.run.id)}</dd><dt>${t.period}</dt><dd>${day(lang, st.run.period.from)} – ${day(lang, st.run.period.to)}</dd>
<dt>${t.made}</dt><dd>${day(lang, st.run.createdAt)}</dd><dt>${t.recordings}</dt><dd>${st.recordings}</dd></dl>
${
  st.lines.length === 0
    ? `<p>${t.none}</p>`
    : `<table><thead><tr><th scope="col">${t.recording}</th><th scope="col">${t.role}</th><th scope="col">${t.featured}</th><th scope="col" class="n">${t.amount}</th></tr></thead>
<tbody>
${rows}
</tbody><tfoot><tr><td colspan="3">${t.total}</td><td class="n">${m(st.totalCents)}</td></tr></tfoot></table>`
}`,
  );
}

export function licenseeStatementHtml(st: LicenseeStatement, lang: Lang): string {
  const t = TEXT[lang];
  const rows = st.reports
    .map((r) => {
      const m = money(lang, r.currency);
      return `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.licence)}</td><td>${day(lang, r.period.from)} – ${day(lang, r.period.to)}</td><td class="n">${r.lines}</td><td class="n">${r.flagged}</td><td class="n">${m(r.totalCents)}</td><td>${r.run === null ? t.pending : escapeHtml(r.run)}</td></tr>`;
    })
    .join('\n');
  const totals = st.totals.map((x) => `<tr><td colspan="5">${t.total} (${escapeHtml(x.currency)})</td><td class="n">${money(lang, x.currency)(x.totalCents)}</td><td></td></tr>`).join('');
  return page(
    lang,
    `${t.licensee} · ${st.organisation.name}`,
    `<h1>${t.licensee}</h1>
<dl><dt>${t.organisation}</dt><dd>${escapeHtml(st.organisation.name)} (${escapeHtml(st.organisation.id)})</dd>
<dt>${t.period}</dt><dd>${st.period.from === null ? '…' : day(lang, st.period.from)} – ${st.period.to === null ? '…' : day(lang, st.period.to)}</dd></dl>
${
  st.reports.length === 0
    ? `<p>${t.none}</p>`
    : `<table><thead><tr><th scope="col">${t.report}</th><th scope="col">${t.licence}</th><th scope="col">${t.period}</th><th scope="col" class="n">${t.lines}</th><th scope="col" class="n">${t.flagged}</th><th scope="col" class="n">${t.amount}</th><th scope="col">${t.paidIn}</th></tr></thead>
<tbody>
${rows}
</tbody><tfoot>${totals}</tfoot></table>`
}`,
  );
}

export function reconciliationHtml(r: Reconciliation, lang: Lang): string {
  const t = TEXT[lang];
  const m = money(lang, r.run.currency);
  const checks = r.checks
    .map((c) => `<tr><td>${escapeHtml(c.name)}</td><td class="n">${m(c.expectedCents)}</td><td class="n">${m(c.actualCents)}</td><td class="${c.ok ? '' : 'bad'}">${c.ok ? t.ok : t.bad}${c.unbalanced === undefined ? '' : ` (${c.unbalanced.map(escapeHtml).join(', ')})`}</td></tr>`)
    .join('\n');
  const reasons = r.suspenseByReason.map((s) => `<tr><td>${escapeHtml(s.reason)}</td><td class="n">${s.lines}</td><td class="n">${m(s.cents)}</td></tr>`).join('\n');
  const reports = r.reports.map((x) => `<tr><td>${escapeHtml(x.id)}</td><td>${escapeHtml(x.licence)}</td><td class="n">${m(x.totalCents)}</td></tr>`).join('\n');
  return page(
    lang,
    `${t.reconciliation} · ${r.run.id}`,
    `<h1>${t.reconciliation}</h1>
<dl><dt>${t.run}</dt><dd>${escapeHtml(r.run.id)}</dd><dt>${t.period}</dt><dd>${day(lang, r.run.period.from)} – ${day(lang, r.run.period.to)}</dd>
<dt>${t.collected}</dt><dd>${m(r.collectedCents)}</dd><dt>${t.distributed}</dt><dd>${m(r.distributedCents)}</dd><dt>${t.suspense}</dt><dd>${m(r.suspenseCents)}</dd>
<dt>${t.featuredClass}</dt><dd>${m(r.byClass.featuredCents)}</dd><dt>${t.nonFeaturedClass}</dt><dd>${m(r.byClass.nonFeaturedCents)}</dd>
<dt>${t.performers}</dt><dd>${r.performers}</dd><dt>${t.recordings}</dt><dd>${r.recordings}</dd></dl>
<p class="${r.ok ? '' : 'bad'}">${r.ok ? t.balanced : t.unbalanced}</p>
<table><thead><tr><th scope="col">${t.check}</th><th scope="col" class="n">${t.expected}</th><th scope="col" class="n">${t.actual}</th><th scope="col"></th></tr></thead><tbody>
${checks}
</tbody></table>
<table><thead><tr><th scope="col">${t.report}</th><th scope="col">${t.licence}</th><th scope="col" class="n">${t.collected}</th></tr></thead><tbody>
${reports}
</tbody></table>
<table><thead><tr><th scope="col">${t.reason}</th><th scope="col" class="n">${t.lines}</th><th scope="col" class="n">${t.suspense}</th></tr></thead><tbody>
${reasons}
</tbody></table>`,
  );
}
