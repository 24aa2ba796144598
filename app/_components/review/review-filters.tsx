import { getTranslations } from 'next-intl/server';
import type { ReviewQuery, ReviewStatus } from '@/lib/schemas/params';

interface Options {
  plans: { slug: string; name: string }[];
  years: number[];
  units: string[];
  statusCounts: Record<ReviewStatus, number>;
}

// The form-parts class names live in a client module; a server component gets only references from it.
const selectClass = 'mt-0.5 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100';
const buttonClass = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100';

/** The review queue's filters: a GET form, so the choice is in the address (shareable, back button). */
export async function ReviewFilters({ query, options }: { query: ReviewQuery; options: Options }) {
  const t = await getTranslations('review');
  const tEntry = await getTranslations('entry');
  const field = 'block text-xs font-medium text-slate-700';
  return (
    <form method="get" action="/review" className="grid grid-cols-2 items-end gap-2 rounded border border-slate-300 bg-white p-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto]" aria-label={t('filters.label')}>
      <label className={field}>
        {t('filters.plan')}
        <select name="plan" defaultValue={query.plan ?? ''} className={selectClass}>
          <option value="">{t('filters.any')}</option>
          {options.plans.map((p) => <option key={p.slug} value={p.slug}>{p.name}</option>)}
        </select>
      </label>
      <label className={field}>
        {t('filters.year')}
        <select name="year" defaultValue={query.year === null ? '' : String(query.year)} className={selectClass}>
          <option value="">{t('filters.any')}</option>
          {options.years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </label>
      <label className={field}>
        {t('filters.unit')}
        <select name="unit" defaultValue={query.unit ?? ''} className={selectClass}>
          <option value="">{t('filters.any')}</option>
          {options.units.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
      </label>
      <label className={field}>
        {t('filters.status')}
        <select name="status" defaultValue={query.status ?? 'all'} className={selectClass}>
          {(['submitted', 'returned', 'approved'] as const).map((s) => (
            <option key={s} value={s}>{tEntry(`status.${s}`)}（{options.statusCounts[s]}）</option>
          ))}
          <option value="all">{t('filters.allStatuses')}</option>
        </select>
      </label>
      <button type="submit" className={`${buttonClass} col-span-2 sm:col-span-1`}>{t('filters.apply')}</button>
    </form>
  );
}
