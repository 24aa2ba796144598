import type { TrajectoryRow } from '@/lib/progress';
import { sparklineGeometry } from '@/lib/views/chart-geometry';

const BOX = { width: 120, height: 40, padding: 4 };

/** A tiny server-rendered trend: actual (solid, with an end dot) against the planned path (dashed). */
export function Sparkline({ rows, label }: { rows: TrajectoryRow[]; label: string }) {
  const { paths, ends } = sparklineGeometry(rows, ['planned', 'actual'] as const, BOX);
  const end = ends.actual;
  return (
    <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} width={BOX.width} height={BOX.height} role="img" aria-label={label} className="shrink-0 overflow-visible">
      {paths.planned && <path d={paths.planned} fill="none" stroke="#64748b" strokeWidth={1.5} strokeDasharray="4 3" />}
      {paths.actual && <path d={paths.actual} fill="none" stroke="#123a68" strokeWidth={2} strokeLinejoin="round" />}
      {end && <circle cx={end.x} cy={end.y} r={2.8} fill="#123a68" />}
    </svg>
  );
}
