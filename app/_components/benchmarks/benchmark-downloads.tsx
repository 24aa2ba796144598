import { getTranslations } from 'next-intl/server';
import { EXPORT_FORMATS } from '@/lib/schemas/report';
import { reportPath } from '@/lib/views/paths';

/** The report's downloads and print page with the optional 对标 table (?benchmarks=1). */
export async function BenchmarkDownloads({ planSlug, year, includeUnapproved, fileBaseName }: { planSlug: string; year: number; includeUnapproved: boolean; fileBaseName: string }) {
  const t = await getTranslations('benchmarks');
  const href = (suffix: string) => {
    const path = reportPath(planSlug, year, includeUnapproved, suffix);
    return `${path}${path.includes('?') ? '&' : '?'}benchmarks=1`;
  };
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('withTable')} data-testid="benchmark-downloads">
      <span className="text-sm text-slate-600">{t('withTable')}</span>
      {EXPORT_FORMATS.map((format) => (
        <a key={format} href={href(`/export/${format}`)} download={`${fileBaseName}_对标.${format}`} className="rounded border border-slate-400 bg-white px-3 py-1 text-sm text-brand-700 hover:bg-brand-50">
          {format}
        </a>
      ))}
      <a href={href('/print')} target="_blank" rel="noopener" className="rounded border border-slate-400 bg-white px-3 py-1 text-sm text-brand-700 hover:bg-brand-50">{t('printWithTable')}</a>
    </div>
  );
}
