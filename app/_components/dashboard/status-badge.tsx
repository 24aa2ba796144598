import type { Status } from '@/lib/progress';
import { STATUS_STYLE } from './status-style';

/** The status as text with its colour and symbol; the text is what screen readers and tests read. */
export function StatusBadge({ status, label }: { status: Status; label: string }) {
  const style = STATUS_STYLE[status];
  return (
    <span data-status={status} className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${style.chip}`}>
      <span aria-hidden="true">{style.symbol}</span>
      <span data-testid="status-text">{label}</span>
    </span>
  );
}
