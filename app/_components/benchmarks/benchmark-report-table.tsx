import type { BenchmarkTable } from '@/lib/export/benchmark-table';

/** The optional 对标 table of the report (print page), laid out like 表1. */
export function BenchmarkReportTable({ table }: { table: BenchmarkTable }) {
  return (
    <section className="mt-4 break-before-page" data-testid="benchmark-report-table">
      <h2 className="text-center text-[13pt] font-bold">{table.title}</h2>
      <table className="mt-2 w-full border-collapse text-[8.5pt]">
        <thead>
          <tr>{table.columns.map((c) => <th key={c.key} scope="col" className="border border-black bg-[#e7ecf3] px-1 py-0.5">{c.label}</th>)}</tr>
        </thead>
        <tbody className="tabular-nums">
          {table.rows.map((row) => (
            <tr key={row.cells.name}>
              {table.columns.map((c) => <td key={c.key} className={`border border-black px-1 py-0.5 ${c.key === 'name' || c.key === 'ranks' ? 'text-left' : 'text-right'}`}>{row.cells[c.key]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.map((note) => <p key={note} className="mt-1 text-[8pt]">{note}</p>)}
    </section>
  );
}
