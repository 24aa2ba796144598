import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintDocument } from '@/app/_components/print/print-document';
import { requirePageUser } from '@/lib/auth/session';
import { loadResponsibilityTable } from '@/lib/loaders';

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadResponsibilityTable((await params).slug);
  return loaded ? { title: loaded.table.title } : {};
}

/** 责任分解表 for printing (/plans/{plan}/responsibilities/print). */
export default async function PrintResponsibilitiesPage({ params }: Props) {
  await requirePageUser('plans.read');
  const loaded = await loadResponsibilityTable((await params).slug);
  if (!loaded) notFound();
  const { table } = loaded;
  const cell = 'border border-black px-1 py-[3px] align-top';
  return (
    <PrintDocument title={table.title} summary={table.summary}>
      <table className="w-full border-collapse text-[9pt] leading-tight">
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr>{table.columns.map((c) => <th key={c.key} scope="col" className={`${cell} bg-slate-100 whitespace-nowrap text-center`}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={`${row.kind}-${row.id}`}>
              {table.columns.map((c, i) => {
                if (i === 0) return row.categoryRowSpan > 0 ? <th key={c.key} scope="rowgroup" rowSpan={row.categoryRowSpan} className={`${cell} w-[9em] text-center font-medium`}>{row.cells[c.key].text}</th> : null;
                return <td key={c.key} className={`${cell} ${c.align === 'center' ? 'text-center whitespace-nowrap' : ''}`}>{row.cells[c.key].text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-1 text-[8pt] leading-snug">
        {[...table.notes, table.dataStatus, table.generatedAtText].map((n) => <p key={n}>{n}</p>)}
      </div>
    </PrintDocument>
  );
}
