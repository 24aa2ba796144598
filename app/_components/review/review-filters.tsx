import { getTranslations } from 'next-intl/server';
import { inputClass, secondaryButtonClass } from '@/app/_components/form-parts';
import type { ReviewQuery, ReviewStatus } from '@/lib/schemas/params';

interface Options {
  plans: { slug: string; name: string }[];
  years: number[];
  units: string[];
  statusCounts: Record<ReviewStatus, number>;
}

/** The review queue's filters: a GET form, so the choice is in the address (shareable, back button). */
export async function ReviewFilters({ query, options }: { query: ReviewQuery; options: Options }) {
  const t = await getTranslations('review');
  const tEntry = await getTranslations('entry');
  const field = 'block text-xs font-medium text-slate-700';
  return (
    <form method="get" action="/review" className="grid grid-cols-2 items-end gap-2 rounded border border-slate-300 bg-white p-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto]" aria-label={t('filters.label')}>
      <label className={field}>
        {t('filters.plan')}
        <select name="plan" defaultValue={query.plan ?? ''} className={inputClass}>
          <option value="">{t('filters.any')}</option>
          {options.plans.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
        </select>
      </label>
      <label className={field}>
        {t('filters.year')}
        <select name="year" defaultValue={query.year === null ? '' : String(query.year)} className={inputClass}>
          <option value="">{t('filters.any')}</option>
          {options.years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <label className={field}>
        {t('filters.unit')}
        <select name="unit" defaultValue={query.unit ?? ''} className={inputClass}>
          <option value="">{t('filters.any')}</option>
          {options.units.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </label>
      <label className={field}>
        {t('filters.status')}
        <select name="status" defaultValue={query.status ?? 'all'} className={inputClass}>
          {(['submitted', 'returned', 'approved'] as const).map((s) => (
            <option key={s} value={s}>{tEntry(`status.${s}`)}（{options.statusCounts[s]}）</option>
          ))}
          <option value="all">{t('filters.allStatuses')}</option>
        </select>
      </label>
      <button type="submit" className={`${secondaryButtonClass} col-span-2 sm:col-span-1`}>{t('filters.apply')}</button>
    </form>
  );
}
