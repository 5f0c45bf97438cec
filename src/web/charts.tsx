/**
 * Charts drawn on the server as SVG (no script, nothing to load): each is an image with a text
 * alternative and is followed by its data as a table, for screen readers and for whoever wants numbers.
 */
import { Table } from './components.js';
import type { View } from './view.js';

const W = 640;

function DataTable({ v, title, rows }: { v: View; title: string; rows: [string, string][] }) {
  return (
    <details class="chart-data">
      <summary>{v.t('common.chartData')}</summary>
      <Table
        caption={title}
        head={[v.t('chart.item'), v.t('chart.value')]}
        rows={rows.map(([a, b]) => [a, b])}
        hideCaption
      />
    </details>
  );
}

/** Horizontal bars, one per item. */
export function BarChart({
  v,
  title,
  data,
  format,
}: {
  v: View;
  title: string;
  data: { label: string; value: number }[];
  format: (n: number) => string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const h = 28;
  const height = Math.max(h, data.length * h);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}: ${data.map((d) => `${d.label} ${format(d.value)}`).join(', ')}`}
      >
        {data.map((d, i) => {
          const w = (d.value / max) * 340;
          return (
            <g key={d.label}>
              <text x="0" y={i * h + 18} class="chart-label">
                {d.label}
              </text>
              <rect x="200" y={i * h + 5} width={w.toFixed(1)} height="18" class="chart-bar" />
              <text x={(206 + w).toFixed(1)} y={i * h + 18} class="chart-value">
                {format(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable v={v} title={title} rows={data.map((d) => [d.label, format(d.value)])} />
    </figure>
  );
}

/** A line over time (e.g. a cumulative count by month), with the first and last values labelled. */
export function LineChart({
  v,
  title,
  points,
  format,
}: {
  v: View;
  title: string;
  points: { label: string; value: number }[];
  format: (n: number) => string;
}) {
  const H = 220;
  const pad = 40;
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => pad + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (W - 2 * pad));
  const y = (val: number) => H - pad - (val / max) * (H - 2 * pad);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={
          first === undefined || last === undefined
            ? title
            : `${title}: ${first.label} ${format(first.value)} … ${last.label} ${format(last.value)}`
        }
      >
        <line x1={pad} y1={H - pad} x2={W - pad} y2={H - pad} class="chart-axis" />
        <line x1={pad} y1={pad} x2={pad} y2={H - pad} class="chart-axis" />
        <path d={path} class="chart-line" />
        {first !== undefined && last !== undefined ? (
          <>
            <text x={pad} y={H - pad + 18} class="chart-label">
              {first.label}
            </text>
            <text x={W - pad} y={H - pad + 18} class="chart-label" text-anchor="end">
              {last.label}
            </text>
            <text x={pad + 4} y={pad - 8} class="chart-value">
              {format(max)}
            </text>
          </>
        ) : null}
      </svg>
      <DataTable v={v} title={title} rows={points.map((p) => [p.label, format(p.value)])} />
    </figure>
  );
}

/** Spans on a time axis, one row each (mandates over time). */
export function Timeline({
  v,
  title,
  rows,
  start,
  end,
}: {
  v: View;
  title: string;
  rows: { label: string; from: string; to: string | null; note: string }[];
  start: string;
  end: string;
}) {
  const t0 = Date.parse(start);
  const t1 = Math.max(t0 + 1, Date.parse(end));
  const left = 200;
  const span = W - left - 20;
  const x = (iso: string) => left + ((Math.min(t1, Math.max(t0, Date.parse(iso))) - t0) / (t1 - t0)) * span;
  const h = 28;
  const H = rows.length * h + 30;
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={`${title}: ${rows.map((r) => `${r.label} ${v.f.date(r.from)} – ${r.to === null ? v.t('mandate.open') : v.f.date(r.to)}`).join('; ')}`}
      >
        {rows.map((r, i) => (
          <g key={i}>
            <text x="0" y={i * h + 18} class="chart-label">
              {r.label}
            </text>
            <rect
              x={x(r.from).toFixed(1)}
              y={i * h + 5}
              width={Math.max(2, x(r.to ?? end) - x(r.from)).toFixed(1)}
              height="18"
              class="chart-bar"
            />
          </g>
        ))}
        <text x={left} y={H - 6} class="chart-label">
          {v.f.date(start)}
        </text>
        <text x={W - 20} y={H - 6} class="chart-label" text-anchor="end">
          {v.f.date(end)}
        </text>
      </svg>
      <DataTable
        v={v}
        title={title}
        rows={rows.map((r) => [
          r.label,
          `${v.f.date(r.from)} – ${r.to === null ? v.t('mandate.open') : v.f.date(r.to)} (${r.note})`,
        ])}
      />
    </figure>
  );
}
