import { requirePageUser } from '@/lib/auth/session';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { PrintDocument } from '@/app/_components/print/print-document';
import { ReportNotes, ReportTable } from '@/app/_components/report-table';
import { SignOffBlock } from '@/app/_components/sign-off-block';
import { loadReportPage as load, loadReportWithBenchmarks, type ReportPageProps as Props } from '@/lib/loaders';
import { BenchmarkReportTable } from '@/app/_components/benchmarks/benchmark-report-table';
import { single } from '@/lib/schemas/params';

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props, await getLocale());
  return loaded.ok ? { title: loaded.report.title } : {};
}

export default async function PrintReportPage(props: Props) {
  await requirePageUser('plans.read');
  // the reader's language: the English UI prints the English report
  const loaded = await load(props, await getLocale());
  if (!loaded.ok) notFound();
  // ?benchmarks=1 adds the 对标 table after 表1
  const report = await loadReportWithBenchmarks(loaded, single((await props.searchParams).benchmarks));
  return (
    <PrintDocument lang={report.locale} title={report.title} sampleNotice={report.sampleNotice} summary={report.summary}>
      <ReportTable report={report} variant="print" />
      <ReportNotes report={report} className="mt-1 text-[8pt] leading-snug" />
      {report.benchmarks && <BenchmarkReportTable table={report.benchmarks} />}
      <SignOffBlock report={report} className="mt-4 break-inside-avoid" />
    </PrintDocument>
  );
}
