import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AddMilestoneForm, MilestoneForm, RemoveMilestoneButton } from '@/app/_components/tasks/task-forms';
import { can, canReportAction } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlan, loadTaskPlan, todayInBeijing } from '@/lib/loaders';
import { tasksPath } from '@/lib/views/paths';
import { projectTimeline, UNIT_MISSING } from '@/lib/views/tasks';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const plan = await loadPlan((await params).slug);
  return { title: plan ? `重大项目 · ${plan.shortName}` : undefined };
}

/** 重大项目: each project's milestones on a time line over the plan period (planned ○, actual ●), one card per project so it reads on a phone. */
export default async function ProjectsPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageUser('plans.read');
  const plan = await loadPlan((await params).slug);
  if (!plan) notFound();
  const [tasks, t] = await Promise.all([loadTaskPlan(plan.id), getTranslations('tasks')]);
  const today = todayInBeijing();
  const timeline = projectTimeline(plan, tasks.projects, today);
  const mayManage = plan.status === 'active' && can(user, 'tasks.manage');
  const mayEdit = (actionId: number | null) => plan.status === 'active' && (can(user, 'tasks.manage') || (actionId !== null && canReportAction(user, actionId)));

  return (
    <div className="space-y-5">
      <nav className="text-sm"><Link href={tasksPath(plan.slug)} className="text-brand-700 underline">← {t('title')}</Link></nav>
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">{t('projects.heading', { plan: plan.shortName })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('projects.intro')}</p>
        <p className="mt-1 flex gap-4 text-xs text-slate-700">
          <span><span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-full border-2 border-brand-700 bg-white align-middle" />{t('projects.planned')}</span>
          <span><span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-full bg-green-600 align-middle" />{t('projects.actual')}</span>
        </p>
      </header>
      <ol className="space-y-4">
        {timeline.projects.map(({ project, milestones }) => (
          <li key={project.id} className="rounded border border-slate-200 bg-white p-3" data-testid="project">
            <h2 className="font-medium">{project.sequence}. {project.name}</h2>
            <p className="text-xs text-slate-600">{t('leadUnit')}：{project.leadUnit ?? UNIT_MISSING}</p>
            <div className="mt-3 grid grid-cols-[5.5rem_1fr] gap-2 text-[10px] text-slate-500 sm:grid-cols-[7rem_1fr_14rem]" aria-hidden>
              <span />
              <span className="relative h-4 border-b border-slate-300">
                {timeline.years.map((y) => <span key={y.year} className="absolute top-0 border-l border-slate-300 pl-0.5" style={{ left: `${y.left}%` }}>{y.year}</span>)}
              </span>
            </div>
            <ul className="mt-1 space-y-1">
              {milestones.map((m) => (
                <li key={m.id} className="grid grid-cols-[5.5rem_1fr] items-center gap-2 text-xs sm:grid-cols-[7rem_1fr_14rem]">
                  <span className={`truncate ${m.late ? 'font-medium text-red-700' : ''}`}>{m.name}</span>
                  <span className="relative h-4 rounded bg-slate-50" aria-hidden>
                    {timeline.years.map((y) => <span key={y.year} className="absolute top-0 h-4 border-l border-slate-200" style={{ left: `${y.left}%` }} />)}
                    {m.marks.map((mark) => (
                      <span
                        key={mark.kind}
                        className={`absolute top-0.5 h-3 w-3 -translate-x-1/2 rounded-full ${mark.kind === 'planned' ? 'border-2 border-brand-700 bg-white' : 'bg-green-600'}`}
                        style={{ left: `${mark.left}%` }}
                      />
                    ))}
                  </span>
                  <span className="col-span-2 pl-[6rem] text-slate-700 sm:col-span-1 sm:pl-0">
                    {t('projects.planned')} {m.plannedDate ?? t('projects.notSet')} · {t('projects.actual')} {m.actualDate ?? t('projects.notSet')}
                  </span>
                </li>
              ))}
            </ul>
            {mayEdit(project.actionId) && (
              <details className="no-print mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">{t('projects.edit')}</summary>
                <div className="mt-2 space-y-2">
                  {milestones.map((m) => <MilestoneForm key={`${m.id}-${m.version}`} planSlug={plan.slug} milestone={m} />)}
                  {mayManage && (
                    <div className="space-y-2 border-t border-slate-200 pt-2" data-testid="milestone-admin">
                      <div className="flex flex-wrap gap-x-4 gap-y-1">
                        {milestones.map((m) => <RemoveMilestoneButton key={`${m.id}-${m.version}`} planSlug={plan.slug} milestone={m} />)}
                      </div>
                      <AddMilestoneForm planSlug={plan.slug} projectId={project.id} />
                    </div>
                  )}
                </div>
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
