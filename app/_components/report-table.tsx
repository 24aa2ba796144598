import type { ReportColumn, ReportData, ReportRow } from '@/lib/export/report';
import type { Status } from '@/lib/progress';
import { BindingBadge } from './binding-badge';

const ALIGN: Record<ReportColumn['align'], string> = { left: 'text-left', center: 'text-center', right: 'text-right tabular-nums' };

// Colour only reinforces the status text; it never carries meaning alone.
const STATUS_TONE: Partial<Record<Status, string>> = {
  achieved: 'text-emerald-800',
  ahead: 'text-emerald-800',
  lagging: 'text-amber-800',
  seriouslyLagging: 'text-red-800 font-medium',
  notAchieved: 'text-red-800 font-medium',
  pendingFinal: 'text-violet-900',
  noData: 'text-slate-500',
};

function cellText(row: ReportRow, column: ReportColumn) {
  return row.cells[column.key].text;
}

/**
 * The report table as it is handed in (the same texts as the xlsx/docx/csv). `print` is the compact
 * variant of the print page; on screen, narrow viewports get one card per indicator instead.
 */
export function ReportTable({ report, variant = 'screen' }: { report: ReportData; variant?: 'screen' | 'print' }) {
  const print = variant === 'print';
  const border = print ? 'border border-black' : 'border border-slate-300';
  const pad = print ? 'px-1 py-[3px]' : 'px-2 py-1.5';
  const cardColumns = report.columns.filter((c) => !['category', 'sequence', 'name'].includes(c.key));

  return (
    <>
      <div className={print ? '' : 'hidden overflow-x-auto rounded border border-slate-300 bg-white md:block'}>
        <table className={`w-full border-collapse ${print ? 'text-[9pt] leading-tight' : 'text-sm'}`}>
          <caption className="sr-only">{report.title}</caption>
          {/* break-keep: Chinese headers and values never break between characters (as if nowrap); English
              ones wrap at spaces, so the English table fits at 1280 px instead of scrolling */}
          <thead className={print ? '' : 'bg-slate-100 text-slate-700'}>
            <tr>
              {report.columns.map((column) => (
                <th key={column.key} scope="col" className={`${border} ${pad} break-keep text-center font-semibold ${print ? 'bg-slate-100' : ''}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.indicatorId} className={print ? '' : 'even:bg-slate-50/60'}>
                {report.columns.map((column) => {
                  if (column.key === 'category') {
                    return row.categoryRowSpan > 0 ? (
                      <th key="category" scope="rowgroup" rowSpan={row.categoryRowSpan} className={`${border} ${pad} break-keep text-center font-medium ${print ? '' : 'w-20 bg-white'}`}>
                        {row.category}
                      </th>
                    ) : null;
                  }
                  // The printed report is a plain black table (it is photocopied and filed).
                  const tone = !print && (column.key === 'status' || column.key === 'met') ? (STATUS_TONE[row.status] ?? '') : '';
                  return (
                    <td key={column.key} className={`${border} ${pad} ${ALIGN[column.align]} ${tone} ${column.key === 'name' ? '' : 'break-keep'}`}>
                      {cellText(row, column)}
                      {!print && column.key === 'name' && <BindingBadge attribute={row.attribute} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {!print && (
        <ol className="space-y-2 md:hidden" aria-label={report.title}>
          {report.rows.map((row) => (
            <li key={row.indicatorId} className="rounded border border-slate-300 bg-white px-3 py-2">
              <p className="text-xs text-slate-500">{row.category} · {row.cells.sequence.text}</p>
              <p className="font-medium">{row.cells.name.text}<BindingBadge attribute={row.attribute} /></p>
              <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-slate-600">
                {cardColumns.map((column) => (
                  <div key={column.key} className="flex justify-between gap-2 border-b border-slate-100 py-0.5">
                    <dt>{column.label}</dt>
                    <dd className={`text-right text-slate-900 tabular-nums ${column.key === 'status' || column.key === 'met' ? (STATUS_TONE[row.status] ?? '') : ''}`}>
                      {cellText(row, column)}
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Notes, data status and generated-at lines below the table. */
export function ReportNotes({ report, className = '' }: { report: ReportData; className?: string }) {
  return (
    <div className={`space-y-0.5 ${className}`}>
      {report.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <p>{report.dataStatus}</p>
      <p>{report.generatedAtText}</p>
    </div>
  );
}
