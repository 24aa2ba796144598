import { TASK_SCHEDULE_LABELS_ZH, TASK_SCHEDULE_ORDER, type TaskScheduleStatus } from '@/lib/progress';

/** One colour per schedule status, used by the bar, the legend and the badges. */
export const STATUS_STYLES: Record<TaskScheduleStatus, { bar: string; badge: string }> = {
  completed: { bar: 'bg-green-600', badge: 'bg-green-100 text-green-900' },
  inProgress: { bar: 'bg-brand-600', badge: 'bg-blue-100 text-blue-900' },
  ongoing: { bar: 'bg-teal-500', badge: 'bg-teal-100 text-teal-900' },
  delayed: { bar: 'bg-amber-500', badge: 'bg-amber-100 text-amber-900' },
  notStarted: { bar: 'bg-slate-400', badge: 'bg-slate-200 text-slate-800' },
  overdue: { bar: 'bg-red-600', badge: 'bg-red-100 text-red-900' },
  pending: { bar: 'bg-slate-200', badge: 'bg-slate-100 text-slate-700' },
};

export function StatusBadge({ status, label }: { status: TaskScheduleStatus; label?: string }) {
  return <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[status].badge}`}>{label ?? TASK_SCHEDULE_LABELS_ZH[status]}</span>;
}

/** A stacked bar of an area's actions by status, with the counts written out (the bar is not the only carrier). */
export function StatusBar({ byStatus, total, label }: { byStatus: Record<TaskScheduleStatus, number>; total: number; label: string }) {
  const parts = TASK_SCHEDULE_ORDER.filter((s) => byStatus[s] > 0);
  const text = parts.map((s) => `${TASK_SCHEDULE_LABELS_ZH[s]}${byStatus[s]}项`).join('，');
  return (
    <div>
      <div role="img" aria-label={`${label}：${text}`} className="flex h-3 w-full overflow-hidden rounded bg-slate-100">
        {parts.map((s) => (
          <span key={s} className={STATUS_STYLES[s].bar} style={{ width: `${(100 * byStatus[s]) / Math.max(total, 1)}%` }} />
        ))}
      </div>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700">
        {parts.map((s) => (
          <span key={s} className="whitespace-nowrap">
            <span aria-hidden className={`mr-1 inline-block h-2 w-2 rounded-sm ${STATUS_STYLES[s].bar}`} />
            {TASK_SCHEDULE_LABELS_ZH[s]} {byStatus[s]}
          </span>
        ))}
      </p>
    </div>
  );
}
