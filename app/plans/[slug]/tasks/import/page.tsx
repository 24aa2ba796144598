import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TaskImportForm } from '@/app/_components/tasks/task-import-form';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlan, loadToday } from '@/lib/loaders';
import { periodTitle } from '@/lib/import/task-report-workbook';
import { parseYear, single, type SearchParams } from '@/lib/schemas/params';
import { defaultTaskYear } from '@/lib/views/tasks';
import { taskImportPath, tasksPath } from '@/lib/views/paths';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const plan = await loadPlan((await params).slug);
  return { title: plan ? `重点任务 Excel 批量填报 · ${plan.shortName}` : undefined };
}

/** Excel bulk reporting of key tasks for a period (?year=&half=): the template download and the two-step import. */
export default async function TaskImportPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  await requirePageUser('tasks.report');
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlan(slug);
  if (!plan) notFound();
  const t = await getTranslations('tasks.import');
  const tTasks = await getTranslations('tasks');
  const year = parseYear(single(query.year), plan) ?? defaultTaskYear(plan, loadToday());
  const half = single(query.half) === 'FY' ? 'FY' : 'H1';
  const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);
  const period = periodTitle(year, half);
  const template = taskImportPath(plan.slug, year, half, '/template');

  return (
    <div className="space-y-4">
      <nav className="text-sm"><Link href={tasksPath(plan.slug)} className="text-brand-700 underline">← {tTasks('title')}</Link></nav>
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('heading', { plan: plan.shortName })}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
        <label className="flex flex-col gap-1">
          {t('year')}
          <select name="year" defaultValue={year} className="rounded border border-slate-300 px-2 py-1.5">
            {years.map((y) => <option key={y} value={y}>{y}年</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t('half')}
          <select name="half" defaultValue={half} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="H1">{tTasks('halves.H1')}</option>
            <option value="FY">{tTasks('halves.FY')}</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">{t('show')}</button>
      </form>
      <section aria-labelledby="task-import-title" className="rounded border border-slate-300 bg-white p-3">
        <h2 id="task-import-title" className="font-semibold">{t('period')}：{period}</h2>
        <a href={template} className="mt-2 inline-block rounded border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100" download data-testid="task-template-link">{t('downloadTemplate', { period })}</a>
        <div className="mt-3">
          <TaskImportForm key={`${year}-${half}`} planSlug={plan.slug} year={year} half={half} />
        </div>
      </section>
    </div>
  );
}
