import type { Report, Row } from './report.ts';
import type { TargetName } from './targets.ts';

// Charts of a run as plain SVG (no library): a panel per shape, a bar per
// target. Each panel has its own scale, as shapes differ a hundredfold
// (Q2.1 against findSuppliers) while what matters is the targets side by side.

export interface Chart {
  file: string;
  title: string;
  svg: string;
}

/** Colours that stay apart for red-green colour blindness (Okabe–Ito). */
const colours: Record<TargetName, string> = { floor: '#999999', peer: '#E69F00', gateway: '#0072B2', unobserved: '#56B4E9', twin: '#009E73' };

const panel = { height: 170, top: 34, bottom: 30, left: 12, right: 12 };
const columns = 3;
const barWidth = 44;
const barGap = 16;
const legendStep = 90;

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const format = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

interface Bar {
  shape: string;
  target: TargetName;
  /** The bar's height. */
  value: number;
  /** Further values drawn as ticks on a line above the bar (p95, p99). */
  ticks: number[];
}

function render(title: string, description: string, bars: Bar[]): string {
  const shapes = [...new Set(bars.map((b) => b.shape))];
  // Only the targets the run measured get a slot and a legend entry; a panel is as wide as its bars need, since
  // a fixed 210 px panel held three bars and let a fourth (unobserved) run into the next panel.
  const targets = (Object.keys(colours) as TargetName[]).filter((t) => bars.some((b) => b.target === t));
  const panelWidth = panel.left + 8 + targets.length * (barWidth + barGap) - barGap + panel.right;
  const rows = Math.ceil(shapes.length / columns);
  const width = Math.max(columns * panelWidth, 12 + targets.length * legendStep);
  const height = 56 + rows * panel.height;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img" aria-labelledby="title desc">`,
    `<title id="title">${xmlText(title)}</title>`,
    `<desc id="desc">${xmlText(description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="bold">${xmlText(title)}</text>`,
    ...targets.map(
      (t, i) => `<rect x="${12 + i * legendStep}" y="30" width="10" height="10" fill="${colours[t]}"/><text x="${26 + i * legendStep}" y="39">${t}</text>`,
    ),
  ];
  shapes.forEach((shape, index) => {
    const x0 = (index % columns) * panelWidth;
    const y0 = 56 + Math.floor(index / columns) * panel.height;
    const inPanel = bars.filter((b) => b.shape === shape);
    const finite = inPanel.flatMap((b) => [b.value, ...b.ticks]).filter(Number.isFinite);
    const max = Math.max(...finite, 0) || 1;
    const plot = panel.height - panel.top - panel.bottom;
    const base = y0 + panel.top + plot;
    const y = (v: number) => base - (v / max) * plot;
    parts.push(`<g data-panel="${xmlText(shape)}">`, `<text x="${x0 + panel.left}" y="${y0 + 16}" font-weight="bold">${xmlText(shape)}</text>`);
    parts.push(`<line x1="${x0 + panel.left}" y1="${base}" x2="${x0 + panelWidth - panel.right}" y2="${base}" stroke="#333333"/>`);
    inPanel.forEach((bar) => {
      const x = x0 + panel.left + 8 + targets.indexOf(bar.target) * (barWidth + barGap);
      const centre = x + barWidth / 2;
      if (Number.isFinite(bar.value)) {
        parts.push(
          `<rect class="bar" data-shape="${xmlText(bar.shape)}" data-target="${bar.target}" x="${x}" y="${y(bar.value).toFixed(1)}" width="${barWidth}" height="${(base - y(bar.value)).toFixed(1)}" fill="${colours[bar.target]}"><title>${xmlText(`${bar.shape} ${bar.target}: ${format(bar.value)}`)}</title></rect>`,
        );
      } else {
        // A run without an answer has no value: an empty bar marked –, so every shape × target still has its bar.
        parts.push(
          `<rect class="bar" data-shape="${xmlText(bar.shape)}" data-target="${bar.target}" x="${x}" y="${base - 1}" width="${barWidth}" height="1" fill="${colours[bar.target]}"><title>${xmlText(`${bar.shape} ${bar.target}: not measured`)}</title></rect>`,
        );
      }
      const ticks = bar.ticks.filter(Number.isFinite);
      if (ticks.length && Number.isFinite(bar.value)) {
        parts.push(`<line x1="${centre}" y1="${y(bar.value).toFixed(1)}" x2="${centre}" y2="${y(Math.max(...ticks)).toFixed(1)}" stroke="#333333"/>`);
        for (const tick of ticks)
          parts.push(`<line x1="${centre - 6}" y1="${y(tick).toFixed(1)}" x2="${centre + 6}" y2="${y(tick).toFixed(1)}" stroke="#333333"/>`);
      }
      const label = Number.isFinite(bar.value) ? format(bar.value) : '–';
      const labelY = Number.isFinite(bar.value) ? Math.min(y(bar.value), ...ticks.map(y)) - 4 : base - 4;
      parts.push(`<text x="${centre}" y="${labelY.toFixed(1)}" text-anchor="middle">${label}</text>`);
      parts.push(`<text x="${centre}" y="${base + 14}" text-anchor="middle">${bar.target}</text>`);
    });
    parts.push('</g>');
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** A row per shape and target at one concurrency, in the report's order. */
function at(rows: Row[], concurrency: number): Row[] {
  return rows.filter((r) => r.concurrency === concurrency);
}

export function charts(report: Report): Chart[] {
  const { concurrency } = report.settings;
  return [
    {
      file: 'rps.svg',
      title: `Requests per second at concurrency ${concurrency} (median round)`,
      svg: render(
        `Requests per second at concurrency ${concurrency} (median round)`,
        'One panel per shape with its own scale; one bar per target: floor, peer gateway, our gateway, ours with its logs off (unobserved), ours again (twin, an A/A control) when measured. Higher is better.',
        at(report.rows, concurrency).map((r) => ({ shape: r.shape, target: r.target, value: r.rps, ticks: [] })),
      ),
    },
    {
      file: 'latency.svg',
      title: 'Latency at concurrency 1, ms: p50 (bar and number), p95 and p99 (ticks)',
      svg: render(
        'Latency at concurrency 1, ms: p50 (bar and number), p95 and p99 (ticks)',
        'One panel per shape with its own scale; one bar per target showing the median latency, with ticks at the 95th and 99th percentiles. Lower is better.',
        at(report.rows, 1).map((r) => ({ shape: r.shape, target: r.target, value: r.p50Ms, ticks: [r.p95Ms, r.p99Ms] })),
      ),
    },
  ];
}
