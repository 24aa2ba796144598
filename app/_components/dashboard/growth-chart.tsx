'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/progress/format';
import type { GrowthBarRow } from '@/lib/progress/chart-rows';
import type { ValueAxis } from '@/lib/progress/axis';

/** growthRate indicators: each year's growth as a bar against the planned average rate (dashed line). */
export function GrowthChart({ rows, labels, decimals, axis }: { rows: GrowthBarRow[]; labels: { growth: string; targetRate: string; chart: string }; decimals: number; axis: ValueAxis }) {
  const format = (value: unknown) => (typeof value === 'number' ? `${formatNumber(value, decimals)}%` : '—');
  return (
    <div className="w-full" aria-label={labels.chart} role="figure">
      <ComposedChart responsive data={rows} style={{ width: '100%', aspectRatio: 2.4, maxHeight: 300, minHeight: 180 }} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="year" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} width={48} domain={axis.domain} ticks={axis.ticks} interval={0} tickFormatter={(v: number) => `${formatNumber(v, axis.decimals)}%`} />
        <Tooltip formatter={(value) => format(value)} labelFormatter={(year) => String(year)} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        <Bar name={labels.growth} dataKey="growth" fill="#94a3b8" stroke="#123a68" strokeWidth={1.5} maxBarSize={48} isAnimationActive={false} />
        <Line name={labels.targetRate} dataKey="targetRate" type="linear" stroke="#b91c1c" strokeWidth={2} strokeDasharray="2 3" dot={false} legendType="plainline" isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
