import { barFraction } from '@/lib/views/chart-geometry';
import type { Status } from '@/lib/progress';
import { STATUS_STYLE } from './status-style';

/**
 * Completion as a filled bar with 序时进度 as a black tick across it (server-rendered SVG).
 * `label` carries both numbers for screen readers; the card prints them as text as well.
 */
export function ProgressBar({ completion, expected, scaleMax, status, label }: { completion: number | null; expected: number; scaleMax: number; status: Status; label: string }) {
  const fill = barFraction(completion, scaleMax) * 100;
  const mark = barFraction(expected, scaleMax) * 100;
  const full = barFraction(1, scaleMax) * 100;
  return (
    <svg viewBox="0 0 100 14" preserveAspectRatio="none" role="img" aria-label={label} className="block h-3.5 w-full">
      <rect x={0} y={3} width={100} height={8} fill="#e2e8f0" />
      <rect x={0} y={3} width={fill} height={8} fill={STATUS_STYLE[status].fill} />
      {full < 100 && <line x1={full} x2={full} y1={3} y2={11} stroke="#64748b" strokeWidth={1} strokeDasharray="2 1" vectorEffect="non-scaling-stroke" />}
      <line x1={mark} x2={mark} y1={0} y2={14} stroke="#0f172a" strokeWidth={2.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
