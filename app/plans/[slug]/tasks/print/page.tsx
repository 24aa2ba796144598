import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintDocument } from '@/app/_components/print/print-document';
import { requirePageUser } from '@/lib/auth/session';
import { loadTaskReport } from '@/lib/loaders';
import { single, type SearchParams } from '@/lib/schemas/params';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

async function load({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  return loadTaskReport(slug, { year: single(search.year), includeUnapproved: single(search.includeUnapproved) });
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props);
  return loaded.ok ? { title: loaded.report.title } : {};
}

/** 重点任务推进情况表 for printing (/plans/{plan}/tasks/print?year=…). */
export default async function PrintTaskReportPage(props: Props) {
  await requirePageUser('plans.read');
  const loaded = await load(props);
  if (!loaded.ok) notFound();
  const { report } = loaded;
  const cell = 'border border-black px-1 py-[3px] align-top';
  return (
    <PrintDocument title={report.title} summary={report.summary}>
      <table className="w-full border-collapse text-[9pt] leading-tight">
        <caption className="sr-only">{report.title}</caption>
        <thead>
          <tr>{report.columns.map((c) => <th key={c.key} scope="col" className={`${cell} bg-slate-100 whitespace-nowrap text-center`}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.actionId}>
              {report.columns.map((c, i) => {
                if (i === 0) return row.categoryRowSpan > 0 ? <th key={c.key} scope="rowgroup" rowSpan={row.categoryRowSpan} className={`${cell} w-[5em] text-center font-medium`}>{row.cells[c.key].text}</th> : null;
                return <td key={c.key} className={`${cell} ${c.align === 'center' ? 'text-center whitespace-nowrap' : ''}`}>{row.cells[c.key].text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-1 text-[8pt] leading-snug">
        {[...report.notes, report.dataStatus, report.generatedAtText].map((n) => <p key={n}>{n}</p>)}
      </div>
    </PrintDocument>
  );
}
