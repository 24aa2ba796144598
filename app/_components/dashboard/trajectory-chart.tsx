'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/progress/format';
import type { TrajectoryRow } from '@/lib/progress/chart-rows';
import type { ValueAxis } from '@/lib/progress/axis';

export interface TrajectoryChartLabels {
  actual: string;
  planned: string;
  target: string;
  /** accessible name of the chart */
  chart: string;
  /** the muted 十三五 segment (years before the base year the plan text states), when rows carry `history` */
  history?: string;
}

// Black-and-white safe: the three series differ by dash pattern and marker, not by colour alone.
const SERIES = {
  actual: { stroke: '#123a68', dash: undefined, width: 2.5 },
  planned: { stroke: '#475569', dash: '6 4', width: 2 },
  target: { stroke: '#b91c1c', dash: '2 3', width: 2 },
  history: { stroke: '#94a3b8', dash: '4 3', width: 2 },
} as const;

/** Yearly actuals, the planned trajectory and the target line (recharts; drawn in the browser). */
export function TrajectoryChart({ rows, labels, decimals, axis }: { rows: (TrajectoryRow & { history?: number | null })[]; labels: TrajectoryChartLabels; decimals: number; axis: ValueAxis }) {
  const hasHistory = labels.history !== undefined && rows.some((row) => row.history != null);
  const format = (value: unknown) => (typeof value === 'number' ? formatNumber(value, decimals) : '—');
  return (
    <div className="w-full" aria-label={labels.chart} role="figure">
      <LineChart responsive data={rows} style={{ width: '100%', aspectRatio: 1.9, maxHeight: 380, minHeight: 220 }} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
        <XAxis dataKey="year" tick={{ fontSize: 12 }} />
        {/* The ticks come from lib/progress (niceAxis): whole numbers for counts, every label distinct. */}
        <YAxis tick={{ fontSize: 12 }} width={56} domain={axis.domain} ticks={axis.ticks} interval={0} allowDataOverflow={false} tickFormatter={(v: number) => formatNumber(v, axis.decimals)} />
        <Tooltip formatter={(value) => format(value)} labelFormatter={(year) => String(year)} />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} />
        {hasHistory && (
          <Line
            name={labels.history}
            dataKey="history"
            type="linear"
            stroke={SERIES.history.stroke}
            strokeWidth={SERIES.history.width}
            strokeDasharray={SERIES.history.dash}
            dot={{ r: 3, fill: SERIES.history.stroke }}
            legendType="plainline"
            connectNulls
            isAnimationActive={false}
          />
        )}
        <Line
          name={labels.actual}
          dataKey="actual"
          type="linear"
          stroke={SERIES.actual.stroke}
          strokeWidth={SERIES.actual.width}
          dot={{ r: 4, fill: SERIES.actual.stroke }}
          activeDot={{ r: 6 }}
          legendType="circle"
          connectNulls={false}
          isAnimationActive={false}
        />
        <Line
          name={labels.planned}
          dataKey="planned"
          type="linear"
          stroke={SERIES.planned.stroke}
          strokeWidth={SERIES.planned.width}
          strokeDasharray={SERIES.planned.dash}
          dot={{ r: 3, fill: '#fff', strokeWidth: 1.5 }}
          legendType="plainline"
          isAnimationActive={false}
        />
        <Line
          name={labels.target}
          dataKey="target"
          type="linear"
          stroke={SERIES.target.stroke}
          strokeWidth={SERIES.target.width}
          strokeDasharray={SERIES.target.dash}
          dot={false}
          legendType="plainline"
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
