import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StatusBadge, StatusBar } from '@/app/_components/tasks/status-bar';
import { ProgrammeTitleForm, TaskDueDatesForm } from '@/app/_components/tasks/task-forms';
import { TaskProgrammeImportForm } from '@/app/_components/tasks/task-import-form';
import { can } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlan, loadTaskPlan, loadTaskRollup } from '@/lib/loaders';
import { TASK_SCHEDULE_LABELS_ZH, TASK_SCHEDULE_ORDER } from '@/lib/progress';
import { parseYear, single, type SearchParams } from '@/lib/schemas/params';
import { projectsPath, responsibilitiesPath, taskImportPath, taskActionPath, taskExportPath, tasksPath } from '@/lib/views/paths';
import { filterTaskRows, parseTaskFilter } from '@/lib/views/tasks';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const plan = await loadPlan((await params).slug);
  return { title: plan ? `重点任务 · ${plan.shortName}` : undefined };
}

/** 重点任务: the eight programmes with status counts and a bar each, the actions overdue first, filters by status and unit. */
export default async function TasksPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('plans.read');
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlan(slug);
  if (!plan) notFound();
  const includeUnapproved = ['1', 'true'].includes(single(query.includeUnapproved) ?? '');
  const overview = (await loadTaskRollup(plan.slug, parseYear(single(query.year), plan), !includeUnapproved))!;
  const filter = parseTaskFilter(query);
  const rows = filterTaskRows(overview.rows, filter);
  const [t, tasks] = await Promise.all([getTranslations('tasks'), loadTaskPlan(plan.id)]);
  const manage = can(user, 'tasks.manage') && plan.status === 'active';
  const due = (half: 'H1' | 'FY') => tasks.dueDates.find((d) => d.year === overview.year && d.half === half)?.dueDate ?? null;
  const years = Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i);
  const keep = { year: overview.year, includeUnapproved: includeUnapproved ? '1' : null };

  return (
    <div className="space-y-5">
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('heading', { plan: plan.shortName })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {tasks.programmes.length === 0
            ? t('introNone')
            : t('intro', { count: overview.rollup.total, programmes: tasks.programmes.length, first: Math.min(...tasks.programmes.map((p) => p.number)), last: Math.max(...tasks.programmes.map((p) => p.number)) })}
        </p>
        <p className="mt-2 text-base font-medium text-brand-800" data-testid="task-sentence">{overview.year}年：{overview.sentence}</p>
      </header>

      <form method="get" className="no-print flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
        <label className="flex flex-col gap-1">
          {t('year')}
          <select name="year" defaultValue={overview.year} className="rounded border border-slate-300 px-2 py-1.5">
            {years.map((y) => <option key={y} value={y}>{y}年</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t('filterStatus')}
          <select name="status" defaultValue={filter.status ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t('all')}</option>
            {TASK_SCHEDULE_ORDER.map((s) => <option key={s} value={s}>{TASK_SCHEDULE_LABELS_ZH[s]}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {t('filterUnit')}
          <select name="unit" defaultValue={filter.unit ?? ''} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t('all')}</option>
            {overview.units.map((u) => <option key={u} value={u}>{u}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 pb-1.5">
          <input type="checkbox" name="includeUnapproved" value="1" defaultChecked={includeUnapproved} />
          {t('includeUnapproved')}
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">{t('filter')}</button>
        {(filter.status || filter.unit) && <Link href={tasksPath(plan.slug, keep)} className="pb-1.5 text-brand-700 underline">{t('clearFilter')}</Link>}
        <span className="ml-auto flex flex-wrap gap-x-3 pb-1.5">
          <Link href={projectsPath(plan.slug)} className="text-brand-700 underline">{t('projectsLink')}</Link>
          <Link href={responsibilitiesPath(plan.slug)} className="text-brand-700 underline">{t('responsibilities.link')}</Link>
          {can(user, 'tasks.report') && plan.status === 'active' && (
            <Link href={taskImportPath(plan.slug, overview.year)} className="text-brand-700 underline" data-testid="task-import-link">{t('import.link')}</Link>
          )}
          <span>{t('downloads')}：</span>
          {(['xlsx', 'docx', 'csv'] as const).map((f) => (
            <a key={f} href={taskExportPath(plan.slug, overview.year, f, includeUnapproved)} className="text-brand-700 underline" data-testid={`task-export-${f}`}>{f.toUpperCase()}</a>
          ))}
          <Link href={taskExportPath(plan.slug, overview.year, 'print', includeUnapproved)} className="text-brand-700 underline">{t('print')}</Link>
        </span>
      </form>

      {manage && tasks.programmes.length === 0 && (
        <section aria-labelledby="programme-import" className="no-print rounded border border-slate-200 bg-white p-3" data-testid="programme-import">
          <h2 id="programme-import" className="text-sm font-semibold text-brand-800">{t('import.programmesTitle')}</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('import.programmesIntro')}</p>
          <a href={taskImportPath(plan.slug, undefined, undefined, '/programmes-template')} className="mt-2 inline-block text-sm text-brand-700 underline" download>{t('import.programmesTemplate')}</a>
          <div className="mt-2"><TaskProgrammeImportForm planSlug={plan.slug} /></div>
        </section>
      )}

      {manage && (
        <section aria-labelledby="due-dates" className="no-print rounded border border-slate-200 bg-white p-3">
          <h2 id="due-dates" className="mb-2 text-sm font-semibold text-brand-800">{t('admin.dueDates')}</h2>
          <TaskDueDatesForm key={overview.year} planSlug={plan.slug} year={overview.year} h1={due('H1')} fy={due('FY')} />
        </section>
      )}

      <section aria-labelledby="by-programme">
        <h2 id="by-programme" className="mb-2 text-base font-semibold text-brand-800">{t('byProgramme')}</h2>
        <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {overview.programmes.map((p) => (
            <li key={p.number} className="rounded border border-slate-200 bg-white p-3">
              <p className="mb-2 flex items-baseline justify-between gap-2 text-sm">
                <span className={`font-medium ${p.heading.includes('标题缺失') ? 'text-slate-500' : ''}`}>{p.heading}</span>
                <span className="whitespace-nowrap text-slate-600">{p.total}项</span>
              </p>
              <StatusBar byStatus={p.byStatus} total={p.total} label={p.heading} />
              {manage && tasks.programmes.find((x) => x.number === p.number)?.title === null && (
                <ProgrammeTitleForm planSlug={plan.slug} programmeId={tasks.programmes.find((x) => x.number === p.number)!.id} number={p.number} title={null} />
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="action-list">
        <h2 id="action-list" className="mb-2 text-base font-semibold text-brand-800">{t('actions')}</h2>
        {rows.length === 0 ? (
          <p className="rounded border border-slate-300 bg-white p-4 text-sm">{t('noMatch')}</p>
        ) : (
          <ol className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
            {rows.map((row) => (
              <li key={row.action.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:gap-4" data-testid="task-row">
                <div className="w-28 shrink-0 text-xs text-slate-600">
                  专栏{row.programmeNumber} · {row.action.number}
                </div>
                <div className="min-w-0 flex-1">
                  <Link href={taskActionPath(plan.slug, row.action.id)} className="font-medium text-brand-800 hover:underline">{row.action.name}</Link>
                  <p className="mt-0.5 text-xs text-slate-600">
                    {t('colUnit')}：{row.leadUnit}
                    {row.action.targets.length > 0 && <> · {t('colTarget')}：{row.targetsText}</>}
                  </p>
                  {row.report && <p className="mt-1 line-clamp-2 text-sm text-slate-800">{row.report.progress}</p>}
                </div>
                <div className="flex shrink-0 flex-col items-start gap-0.5 sm:items-end">
                  <StatusBadge status={row.status} />
                  <span className="text-xs text-slate-500">{row.periodLabel}</span>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
