/**
 * The evaluation report's charts as SVG text: the stacked bar of statuses (总体情况) and, per category, the
 * actual values against the planned path (trajectoryRows of lib/progress, the same rows the indicator
 * pages chart with recharts). The page shows the SVG as it is; the Word file gets it rasterised to PNG
 * (lib/export/chart-png.ts). Geometry only: every value drawn comes from lib/progress.
 *
 * Black-and-white safe like the page charts: the series differ by dash pattern and marker, statuses by
 * their printed label and count as well as their colour.
 */
import { formatNumber, type Status } from '@/lib/progress';
import type { EvaluationCategory, EvaluationDraft } from './evaluation';

/** The fills of the statuses (the same colours as the status badges of the pages). */
export const STATUS_FILLS: Record<Status, string> = {
  achieved: '#064e3b',
  ahead: '#047857',
  onTrack: '#2563eb',
  lagging: '#b45309',
  seriouslyLagging: '#dc2626',
  notAchieved: '#991b1b',
  noData: '#94a3b8',
  noTarget: '#cbd5e1',
  pendingFinal: '#a78bfa',
};

export const SERIES_STYLE = {
  actual: { stroke: '#123a68', dash: '', width: 2.5, label: '实际值' },
  planned: { stroke: '#475569', dash: '6 4', width: 2, label: '规划路径' },
  target: { stroke: '#b91c1c', dash: '2 3', width: 2, label: '目标值' },
} as const;

/** The font the charts name; the rasteriser loads a CJK font under this family (lib/export/chart-png.ts). */
export const CHART_FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
  /** a text alternative: what the chart shows, for screen readers and the Word file's alt text */
  alt: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (n: number) => Math.round(n * 100) / 100;

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${r2(x)}" y="${r2(y)}" ${attrs}>${esc(content)}</text>`;
}

function svgOf(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(CHART_FONT)}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`;
}

/** The status counts as one horizontal bar, a segment per status present, with a legend below. */
export function statusBarSvg(counts: EvaluationDraft['overview']['counts'], total: number): ChartSvg {
  const width = 640;
  const present = counts.filter((c) => c.count > 0);
  const barX = 20;
  const barW = width - 40;
  const barY = 16;
  const barH = 44;
  let x = barX;
  let body = '';
  for (const c of present) {
    const w = total > 0 ? (barW * c.count) / total : 0;
    body += `<rect x="${r2(x)}" y="${barY}" width="${r2(w)}" height="${barH}" fill="${STATUS_FILLS[c.status]}" stroke="#ffffff" stroke-width="1.5"/>`;
    if (w >= 22) body += text(x + w / 2, barY + barH / 2 + 6, String(c.count), 'font-size="17" font-weight="bold" fill="#ffffff" text-anchor="middle"');
    x += w;
  }
  // Legend: rows of swatch + label + count, wrapping.
  let lx = barX;
  let ly = barY + barH + 28;
  for (const c of present) {
    const label = `${c.label} ${c.count}项`;
    const w = 26 + label.length * 14;
    if (lx + w > width - 10) {
      lx = barX;
      ly += 24;
    }
    body += `<rect x="${lx}" y="${ly - 12}" width="14" height="14" fill="${STATUS_FILLS[c.status]}"/>`;
    body += text(lx + 20, ly, label, 'font-size="14" fill="#111827"');
    lx += w + 12;
  }
  const height = ly + 14;
  const alt = `指标状态分布：${present.map((c) => `${c.label}${c.count}项`).join('，')}（共${total}项）。`;
  return { svg: svgOf(width, height, body), width, height, alt };
}

/** Tick values for a y axis: about four steps of 1, 2, 2.5 or 5 × 10^n covering min..max. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/** Decimals the ticks need: those of the step (2.5 → 1, 0.25 → 2, 50 → 0). */
const tickDecimals = (ticks: number[]) => {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const digits = String(Number(step.toPrecision(6))).split('.')[1] ?? '';
  return Math.min(4, digits.length);
};

const PANEL = { width: 310, height: 200, left: 52, right: 12, top: 40, bottom: 26 };

function panelSvg(panel: EvaluationCategory['chart']['panels'][number], ox: number, oy: number): string {
  const rows = panel.rows;
  const values = rows.flatMap((r) => [r.actual, r.planned, r.target]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  let body = text(ox + 4, oy + 16, panel.title, 'font-size="13" font-weight="bold" fill="#111827"');
  body += text(ox + 4, oy + 32, `单位：${panel.scale}`, 'font-size="11" fill="#475569"');
  if (values.length === 0 || rows.length === 0) {
    return body + text(ox + PANEL.width / 2, oy + PANEL.height / 2 + 10, '暂无数据', 'font-size="13" fill="#64748b" text-anchor="middle"');
  }
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const lo = ticks[0]!;
  const hi = ticks.at(-1)!;
  const px0 = ox + PANEL.left;
  const px1 = ox + PANEL.width - PANEL.right;
  const py0 = oy + PANEL.top;
  const py1 = oy + PANEL.height - PANEL.bottom;
  const xAt = (i: number) => (rows.length <= 1 ? (px0 + px1) / 2 : px0 + ((px1 - px0) * i) / (rows.length - 1));
  const yAt = (v: number) => (hi === lo ? (py0 + py1) / 2 : py1 - ((v - lo) / (hi - lo)) * (py1 - py0));
  const decimals = tickDecimals(ticks);
  for (const t of ticks) {
    body += `<line x1="${r2(px0)}" x2="${r2(px1)}" y1="${r2(yAt(t))}" y2="${r2(yAt(t))}" stroke="#e2e8f0" stroke-width="1"/>`;
    body += text(px0 - 5, yAt(t) + 4, formatNumber(t, decimals), 'font-size="10" fill="#334155" text-anchor="end"');
  }
  body += `<line x1="${r2(px0)}" x2="${r2(px0)}" y1="${r2(py0)}" y2="${r2(py1)}" stroke="#94a3b8"/>`;
  body += `<line x1="${r2(px0)}" x2="${r2(px1)}" y1="${r2(py1)}" y2="${r2(py1)}" stroke="#94a3b8"/>`;
  rows.forEach((row, i) => {
    body += text(xAt(i), py1 + 15, String(row.year), 'font-size="10" fill="#334155" text-anchor="middle"');
  });
  for (const key of ['target', 'planned', 'actual'] as const) {
    const style = SERIES_STYLE[key];
    let d = '';
    let pen = false;
    rows.forEach((row, i) => {
      const v = row[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${r2(xAt(i))} ${r2(yAt(v))}`;
      pen = true;
    });
    if (!d) continue;
    body += `<path d="${d}" fill="none" stroke="${style.stroke}" stroke-width="${style.width}"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`;
    if (key === 'actual') {
      rows.forEach((row, i) => {
        if (typeof row.actual === 'number' && Number.isFinite(row.actual)) {
          body += `<circle cx="${r2(xAt(i))}" cy="${r2(yAt(row.actual))}" r="3.5" fill="${style.stroke}"/>`;
        }
      });
    }
  }
  return body;
}

/** One chart per category: a legend, then a panel per indicator (two a row) with actual, planned path and target. */
export function categoryChartSvg(chart: EvaluationCategory['chart']): ChartSvg {
  const columns = 2;
  const width = columns * PANEL.width + 20;
  const legendH = 30;
  const rowsCount = Math.ceil(chart.panels.length / columns);
  const height = legendH + rowsCount * PANEL.height + 6;
  let body = '';
  let lx = 14;
  for (const key of ['actual', 'planned', 'target'] as const) {
    const s = SERIES_STYLE[key];
    body += `<line x1="${lx}" x2="${lx + 30}" y1="16" y2="16" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    if (key === 'actual') body += `<circle cx="${lx + 15}" cy="16" r="3.5" fill="${s.stroke}"/>`;
    body += text(lx + 36, 21, s.label, 'font-size="13" fill="#111827"');
    lx += 36 + s.label.length * 14 + 24;
  }
  chart.panels.forEach((panel, i) => {
    body += panelSvg(panel, 10 + (i % columns) * PANEL.width, legendH + Math.floor(i / columns) * PANEL.height);
  });
  const alt = `${chart.title}：${chart.panels.map((p) => p.title.replace(/^\d+\.\s*/, '')).join('、')}的实际值、规划路径与目标值。`;
  return { svg: svgOf(width, height, body), width, height, alt };
}
