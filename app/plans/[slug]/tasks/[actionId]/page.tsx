import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/app/_components/tasks/status-bar';
import {
  ActionUnitsForm,
  RemoveEvidenceButton,
  ReviewTaskForm,
  SubmitSavedForm,
  TaskReportForm,
  UnlockTaskForm,
} from '@/app/_components/tasks/task-forms';
import { can, canReportAction } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/session';
import { loadPlan, loadTaskActionHistory, loadTaskPlan, loadTaskReports, todayInBeijing } from '@/lib/loaders';
import { programmeHeading, taskPeriodLabelZh, withEnumerationCommas, type TaskHalf } from '@/lib/progress';
import { parseId, single, type SearchParams } from '@/lib/schemas/params';
import { taskEvidencePath, tasksPath } from '@/lib/views/paths';
import { actionStatus, defaultTaskYear, findTaskAction, reportTimeline, taskPeriods, targetViews, UNIT_MISSING } from '@/lib/views/tasks';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export async function generateMetadata({ params }: { params: Promise<{ slug: string; actionId: string }> }) {
  const { slug, actionId } = await params;
  const plan = await loadPlan(slug);
  const id = parseId(actionId);
  const found = plan && id !== null ? findTaskAction(await loadTaskPlan(plan.id), id) : null;
  return { title: found ? found.action.name : undefined };
}

/** One action: its text, targets judged, the report form (staff), review (reviewers), the reports' timeline, evidence and history. */
export default async function TaskActionPage({ params, searchParams }: { params: Promise<{ slug: string; actionId: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePageUser('plans.read');
  const [{ slug, actionId }, query] = await Promise.all([params, searchParams]);
  const plan = await loadPlan(slug);
  const id = parseId(actionId);
  if (!plan || id === null) notFound();
  const [tasks, allReports, history, t] = await Promise.all([loadTaskPlan(plan.id), loadTaskReports(plan.id), loadTaskActionHistory(id), getTranslations('tasks')]);
  const found = findTaskAction(tasks, id);
  if (!found) notFound();
  const { programme, action } = found;
  const reports = allReports.filter((r) => r.actionId === action.id);
  const today = todayInBeijing();
  const year = defaultTaskYear(plan, today);
  const periods = taskPeriods(plan);
  const requested = /^(\d{4})-(H1|FY)$/.exec(single(query.period) ?? '');
  const todayHalf: TaskHalf = Number(today.slice(5, 7)) <= 6 && Number(today.slice(0, 4)) === year ? 'H1' : 'FY';
  const period = requested && periods.some((p) => p.year === Number(requested[1]) && p.half === requested[2])
    ? { year: Number(requested[1]), half: requested[2] as TaskHalf }
    : { year, half: todayHalf };
  const current = reports.find((r) => r.year === period.year && r.half === period.half) ?? null;
  const status = actionStatus(reports, tasks.dueDates, { year, today, approvedOnly: true });
  const targets = targetViews(plan, action, reports, { year, approvedOnly: true });
  const mayReport = canReportAction(user, action.id) && plan.status === 'active';
  const mayReview = can(user, 'tasks.review');
  const mayUnlock = can(user, 'tasks.unlock');

  return (
    <div className="space-y-5">
      <nav className="text-sm"><Link href={tasksPath(plan.slug)} className="text-brand-700 underline">← {t('title')}</Link></nav>
      <header>
        <p className="text-sm text-slate-600">{programmeHeading(programme)}</p>
        <h1 className="mt-1 text-xl font-semibold sm:text-2xl">{action.number}. {action.name}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={status.status} />
          <span className="text-slate-600">{taskPeriodLabelZh(status.period)}（{t('approvedOnly')}）</span>
        </p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt className="text-slate-600">{t('leadUnit')}</dt><dd>{action.leadUnit ?? UNIT_MISSING}</dd>
          <dt className="text-slate-600">{t('cooperatingUnits')}</dt><dd>{action.cooperatingUnits ?? UNIT_MISSING}</dd>
        </dl>
      </header>

      <section aria-labelledby="text" className="rounded border border-slate-200 bg-white p-3">
        <h2 id="text" className="mb-1 text-base font-semibold text-brand-800">{t('text')}</h2>
        <p className="text-sm leading-7">{withEnumerationCommas(action.text)}</p>
      </section>

      <section aria-labelledby="targets" className="rounded border border-slate-200 bg-white p-3">
        <h2 id="targets" className="mb-2 text-base font-semibold text-brand-800">{t('targets')}</h2>
        {targets.length === 0 ? <p className="text-sm text-slate-600">{t('noTargets')}</p> : (
          <ul className="space-y-2 text-sm">
            {targets.map((v) => (
              <li key={v.target.id} className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
                <span>{v.phrase}<span className="ml-1 text-xs text-slate-500">（{v.target.subject.replace(/\./g, '、')}）</span></span>
                <span className="whitespace-nowrap text-slate-700">{t('targetLatest')}：{v.latestText} · <strong>{v.label}</strong></span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mayReport && (
        <section aria-labelledby="report-form" className="rounded border border-brand-200 bg-white p-3">
          <h2 id="report-form" className="mb-2 text-base font-semibold text-brand-800">{t('form.heading')}</h2>
          <form method="get" className="mb-3 flex items-end gap-2 text-sm">
            <label className="flex flex-col gap-1">
              {t('form.period')}
              <select name="period" defaultValue={`${period.year}-${period.half}`} className="rounded border border-slate-300 px-2 py-1.5">
                {periods.map((p) => <option key={`${p.year}-${p.half}`} value={`${p.year}-${p.half}`}>{taskPeriodLabelZh(p)}</option>)}
              </select>
            </label>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5">{t('show')}</button>
          </form>
          {current?.state === 'approved' ? (
            <p className="rounded bg-slate-50 p-2 text-sm">{t('form.locked')}</p>
          ) : current?.state === 'submitted' ? (
            <p className="rounded bg-slate-50 p-2 text-sm">{t('form.waiting')}</p>
          ) : (
            <div className="space-y-3">
              {current?.state === 'returned' && <p role="note" className="rounded bg-amber-50 p-2 text-sm text-amber-900">{t('form.returned', { reason: current.reviewNote ?? '' })}</p>}
              <TaskReportForm planSlug={plan.slug} actionId={action.id} year={period.year} half={period.half} report={current} targets={action.targets} />
              {current && <SubmitSavedForm report={current} />}
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="timeline">
        <h2 id="timeline" className="mb-2 text-base font-semibold text-brand-800">{t('timeline')}</h2>
        {reports.length === 0 ? <p className="text-sm text-slate-600">{t('noReports')}</p> : (
          <ol className="space-y-3">
            {reportTimeline(reports).map((r) => (
              <li key={r.id} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="task-report">
                <p className="flex flex-wrap items-center gap-2">
                  <strong>{r.periodLabel}</strong>
                  <StatusBadge status={r.status} label={t(`reportStatuses.${r.status}`)} />
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t(`states.${r.state}`)}</span>
                  {r.percent !== null && <span className="text-xs text-slate-600">{t('percent', { percent: r.percent })}</span>}
                  <span className="ml-auto text-xs text-slate-500">{t('by', { name: r.updatedByName ?? '', time: time(r.updatedAt) })}</span>
                </p>
                <p className="mt-2 whitespace-pre-line">{r.progress}</p>
                {r.problems && <p className="mt-1 whitespace-pre-line"><span className="text-slate-600">{t('problems')}：</span>{r.problems}</p>}
                {r.nextSteps && <p className="mt-1 whitespace-pre-line"><span className="text-slate-600">{t('nextSteps')}：</span>{r.nextSteps}</p>}
                {r.reviewNote && <p className="mt-1 text-amber-900"><span className="text-slate-600">{t('reviewNote')}：</span>{r.reviewNote}</p>}
                <div className="mt-1">
                  <span className="text-slate-600">{t('evidence')}：</span>
                  {r.evidence.length === 0 ? t('noEvidence') : (
                    <ul className="inline">
                      {r.evidence.map((e) => (
                        <li key={e.id} className="mr-3 inline">
                          <a href={taskEvidencePath(plan.slug, e.id)} className="text-brand-700 underline" data-testid="evidence-link">{e.fileName}</a>
                          <span className="ml-1 text-xs text-slate-500">{sizeText(e.size)}</span>
                          {mayReport && r.state !== 'approved' && r.state !== 'submitted' && <RemoveEvidenceButton evidenceId={e.id} version={r.version} fileName={e.fileName} />}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                {mayReview && r.state === 'submitted' && <div className="mt-3 border-t border-slate-200 pt-2"><ReviewTaskForm report={r} /></div>}
                {mayUnlock && r.state === 'approved' && <div className="mt-3 border-t border-slate-200 pt-2"><UnlockTaskForm report={r} /></div>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="mb-2 text-base font-semibold text-brand-800">{t('history')}</h2>
        {history.length === 0 ? <p className="text-sm text-slate-600">{t('noHistory')}</p> : (
          <ol className="space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id} className="flex flex-wrap gap-x-2">
                <span className="text-slate-500">{time(h.at)}</span>
                <span>{taskPeriodLabelZh(h)}</span>
                <span className="font-medium">{t(`historyActions.${h.action}`)}</span>
                <span>{h.actorName}</span>
                {h.detail && (h.action === 'addEvidence' || h.action === 'removeEvidence') && <span className="text-slate-600">{h.detail}</span>}
                {h.reason && <span className="text-amber-900">（{h.reason}）</span>}
              </li>
            ))}
          </ol>
        )}
      </section>

      {can(user, 'tasks.manage') && (
        <section aria-labelledby="units-admin" className="no-print rounded border border-slate-200 bg-white p-3">
          <h2 id="units-admin" className="mb-2 text-base font-semibold text-brand-800">{t('admin.heading')}</h2>
          <ActionUnitsForm planSlug={plan.slug} actionId={action.id} leadUnit={action.leadUnit} cooperatingUnits={action.cooperatingUnits} />
        </section>
      )}
    </div>
  );
}
