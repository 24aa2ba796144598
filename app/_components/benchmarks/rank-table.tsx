import type { ReactNode } from 'react';

export interface RankTableColumn {
  key: string;
  label: string;
  /** extra classes of the column's cells (e.g. the rank in bold, a small source) */
  className?: string;
}

export interface RankTableRow {
  key: string | number;
  year: number;
  cells: Record<string, ReactNode>;
}

/**
 * Ranks by year with their trend sentence below: the 对标 panel's city/province ranks and the county
 * evaluation page (rank, class, score, status, source) draw the same table.
 */
export function RankTable({
  yearLabel,
  columns,
  rows,
  trend,
  caption,
  testId,
  trendTestId,
}: {
  yearLabel: string;
  columns: readonly RankTableColumn[];
  rows: readonly RankTableRow[];
  trend: string | null;
  /** a visible caption above the table (the panel names it; the county page has its heading) */
  caption?: string;
  testId?: string;
  trendTestId?: string;
}) {
  if (rows.length === 0) return null;
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm" data-testid={testId}>
          {caption && <caption className="pb-1 text-left text-xs font-medium text-slate-700">{caption}</caption>}
          <thead>
            <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
              <th scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{yearLabel}</th>
              {columns.map((c) => <th key={c.key} scope="col" className="whitespace-nowrap py-1 pr-3 font-medium">{c.label}</th>)}
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{row.year}</th>
                {columns.map((c) => <td key={c.key} className={`py-1 pr-3 ${c.className ?? ''}`.trim()}>{row.cells[c.key] ?? '—'}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {trend && <p className="mt-2 text-sm text-slate-700" data-testid={trendTestId}>{trend}</p>}
    </div>
  );
}
