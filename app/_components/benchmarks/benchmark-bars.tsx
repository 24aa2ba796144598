import { formatNumber } from '@/lib/progress';

export interface BenchmarkBar {
  label: string;
  value: number;
  /** the district's own bar is drawn solid, the references hatched-grey */
  own?: boolean;
}

/**
 * A small horizontal bar chart (server-rendered SVG, no script): the district against the reference
 * values of one year, in the indicator's unit. Bars differ by fill and by label, not by colour alone.
 */
export function BenchmarkBars({ bars, decimals, unit, label }: { bars: BenchmarkBar[]; decimals: number; unit: string; label: string }) {
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const rowHeight = 26;
  const labelWidth = 92;
  const width = 420;
  const barSpace = width - labelWidth - 84;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${bars.length * rowHeight + 4}`} className="h-auto w-full max-w-md" data-testid="benchmark-bars">
      <defs>
        <pattern id="benchmark-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#e2e8f0" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#94a3b8" strokeWidth="2" />
        </pattern>
      </defs>
      {bars.map((bar, index) => {
        const y = index * rowHeight + 4;
        const w = Math.max(1, (Math.max(bar.value, 0) / max) * barSpace);
        return (
          <g key={bar.label}>
            <text x={labelWidth - 6} y={y + 14} textAnchor="end" fontSize="12" fill="#334155">{bar.label}</text>
            <rect x={labelWidth} y={y} width={w} height={18} fill={bar.own ? '#123a68' : 'url(#benchmark-hatch)'} stroke={bar.own ? '#123a68' : '#64748b'} strokeWidth="1" />
            <text x={labelWidth + w + 4} y={y + 14} fontSize="12" fill="#0f172a" className="tabular-nums">
              {formatNumber(bar.value, decimals)}{unit === '%' ? '%' : ` ${unit}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
