import { requirePageUser } from '@/lib/auth/session';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReportNotes, ReportTable } from '@/app/_components/report-table';
import { ReportOptions } from '@/app/_components/report-options';
import { SampleDataNotice } from '@/app/_components/sample-data-notice';
import { loadReportPage as load, type ReportPageProps as Props } from '@/lib/loaders';
import { planYears } from '@/lib/schemas/params';
import { evaluationPath, reportPath } from '@/lib/views/paths';
import { EXPORT_FORMATS } from '@/lib/schemas/report';
import { BenchmarkDownloads } from '@/app/_components/benchmarks/benchmark-downloads';

export async function generateMetadata(props: Props): Promise<Metadata> {
  const loaded = await load(props, await getLocale());
  return { title: loaded.ok ? loaded.report.title : (await getTranslations('reports'))('pageTitle') };
}

export default async function ReportPage(props: Props) {
  await requirePageUser('plans.read');
  const locale = await getLocale();
  const [loaded, t] = await Promise.all([load(props, locale), getTranslations('reports')]);
  if (!loaded.ok) notFound();
  const { plan, report } = loaded;
  const years = planYears(plan);
  const labels = { xlsx: t('downloadXlsx'), docx: t('downloadDocx'), csv: t('downloadCsv') };
  // The files are the official Chinese report; a reader of the English UI downloads them in English.
  const exportHref = (href: string) => (report.locale === 'en' ? `${href}${href.includes('?') ? '&' : '?'}lang=en` : href);

  return (
    <div className="space-y-4">
      {report.containsSampleData && <SampleDataNotice />}
      <header className="space-y-3">
        <p className="text-sm text-slate-600">{t('pageTitle')}</p>
        <h1 className="text-xl font-semibold sm:text-2xl">{report.title}</h1>
        <ReportOptions action={`/reports/${encodeURIComponent(plan.slug)}`} years={years} year={report.year} includeUnapproved={report.includeUnapproved} />
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('download')}>
          <span className="text-sm text-slate-600">{t('download')}</span>
          {EXPORT_FORMATS.map((format) => (
            <a
              key={format}
              href={exportHref(reportPath(plan.slug, report.year, report.includeUnapproved, `/export/${format}`))}
              download={`${report.fileBaseName}.${format}`}
              className="rounded border border-brand-600 bg-white px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
            >
              {labels[format]}
            </a>
          ))}
          <a
            href={reportPath(plan.slug, report.year, report.includeUnapproved, '/print')}
            target="_blank"
            rel="noopener"
            className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800"
          >
            {t('print')}
          </a>
          <a
            href={evaluationPath(plan.slug, report.year, report.includeUnapproved)}
            className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
          >
            {t('evaluationLink')}
          </a>
        </div>
        <BenchmarkDownloads planSlug={plan.slug} year={report.year} includeUnapproved={report.includeUnapproved} fileBaseName={report.fileBaseName} />
      </header>

      <section aria-labelledby="report-summary" className="rounded border border-slate-300 bg-white p-3 sm:p-4">
        <h2 id="report-summary" className="mb-1 text-sm font-semibold text-slate-700">{t('summaryHeading')}</h2>
        <p className="text-sm leading-relaxed">{report.summary}</p>
      </section>

      <ReportTable report={report} />
      <ReportNotes report={report} className="text-xs text-slate-600" />
    </div>
  );
}
