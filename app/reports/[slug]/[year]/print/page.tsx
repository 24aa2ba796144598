import { requirePageUser } from '@/lib/auth/session';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { PrintButton } from '@/app/_components/print-button';
import { ReportNotes, ReportTable } from '@/app/_components/report-table';
import { SignOffBlock } from '@/app/_components/sign-off-block';
import { loadReportPage as load, loadReportWithBenchmarks, type ReportPageProps as Props } from '@/lib/loaders';
import { BenchmarkReportTable } from '@/app/_components/benchmarks/benchmark-report-table';
import { single } from '@/lib/schemas/params';

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props, await getLocale());
  return loaded.ok ? { title: loaded.report.title } : {};
}

// The print page is the document alone: the root layout's header (and its navigation) is removed on
// screen as well as in print, and the page is laid out for A4 landscape.
const PRINT_CSS = `
body:has([data-print-report]) > header { display: none !important; }
body:has([data-print-report]) { background: #fff; }
body:has([data-print-report]) > main { max-width: none; padding: 0; }
@page { size: A4 landscape; margin: 10mm 12mm; }
@media screen { [data-print-report] { max-width: 273mm; margin: 0 auto; padding: 8mm 0; } }
@media print { [data-print-report] thead { display: table-header-group; } [data-print-report] tr { break-inside: avoid; } }
`;

export default async function PrintReportPage(props: Props) {
  await requirePageUser('plans.read');
  // the reader's language: the English UI prints the English report
  const loaded = await load(props, await getLocale());
  if (!loaded.ok) notFound();
  // ?benchmarks=1 adds the 对标 table after 表1
  const report = await loadReportWithBenchmarks(loaded, single((await props.searchParams).benchmarks));
  return (
    <article data-print-report lang={report.locale} className="bg-white text-black">
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-3 flex justify-end">
        <PrintButton />
      </div>
      <h1 className="text-center text-[15pt] font-bold">{report.title}</h1>
      {report.sampleNotice && <p className="mt-1 text-center text-[9pt] font-semibold">{report.sampleNotice}</p>}
      <p className="mt-2 mb-2 indent-[2em] text-[10pt] leading-snug">{report.summary}</p>
      <ReportTable report={report} variant="print" />
      <ReportNotes report={report} className="mt-1 text-[8pt] leading-snug" />
      {report.benchmarks && <BenchmarkReportTable table={report.benchmarks} />}
      <SignOffBlock report={report} className="mt-4 break-inside-avoid" />
    </article>
  );
}
