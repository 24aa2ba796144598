'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import {
  removeTaskEvidenceAction,
  reviewTaskReportAction,
  addMilestoneAction,
  removeMilestoneAction,
  saveMilestoneAction,
  saveTaskReportAction,
  setActionUnitsAction,
  setProgrammeTitleAction,
  setTaskDueDatesAction,
  submitTaskReportAction,
  unlockTaskReportAction,
} from '@/app/_actions/tasks';
import { inputClass, labelClass, primaryButtonClass, ResetSafeSelect, secondaryButtonClass } from '@/app/_components/form-parts';
import type { FormState } from '@/lib/schemas/form-state';
import { REPORTED_TASK_STATUSES, targetValueField } from '@/lib/schemas/task-report';
import { EVIDENCE_ACCEPT, EVIDENCE_UPLOAD_MAX_BYTES, EVIDENCE_UPLOAD_MAX_MB } from '@/lib/schemas/uploads';
import type { TaskHalf, TaskReport, TaskTargetDefinition } from '@/lib/data/types';

function Message({ state }: { state: FormState }) {
  const t = useTranslations('tasks.messages');
  if (!state.message) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}>
      {t(state.message)}
    </p>
  );
}

function Err({ state, field, id }: { state: FormState; field: string; id: string }) {
  const t = useTranslations('tasks.errors');
  const keys = state.errors?.[field];
  if (!keys?.length) return null;
  return <p id={id} className="mt-1 text-sm text-red-700">{keys.map((k) => t(k)).join('；')}</p>;
}

interface ReportFormProps {
  planSlug: string;
  actionId: number;
  year: number;
  half: TaskHalf;
  report: TaskReport | null;
  targets: TaskTargetDefinition[];
}

/** Staff report an action for one period: status, percent, narrative, target values, one evidence file; save or submit. */
export function TaskReportForm({ planSlug, actionId, year, half, report, targets }: ReportFormProps) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveTaskReportAction, {});
  const [fileError, setFileError] = useState(false);
  // controlled: React's form reset after the action would put a plain select back to its page-load value
  const [status, setStatus] = useState<string>(report?.status ?? '');
  const v = (field: string, fallback: string) => state.values?.[field] ?? fallback;
  const valueOf = (targetId: number) => report?.values.find((x) => x.targetId === targetId)?.value;
  const invalid = (field: string) => (state.errors?.[field]?.length ? true : undefined);
  return (
    <form action={formAction} className="space-y-3" aria-label={t('form.heading')}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="half" value={half} />
      <input type="hidden" name="baseVersion" value={report?.version ?? 0} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="task-status" className={labelClass}>{t('form.status')}</label>
          <ResetSafeSelect id="task-status" name="status" value={status} onChange={(e) => setStatus(e.currentTarget.value)} aria-invalid={invalid('status')} aria-describedby="task-status-error" className={inputClass}>
            <option value="">{t('form.choose')}</option>
            {REPORTED_TASK_STATUSES.map((s) => <option key={s} value={s}>{t(`reportStatuses.${s}`)}</option>)}
          </ResetSafeSelect>
          <Err state={state} field="status" id="task-status-error" />
        </div>
        <div>
          <label htmlFor="task-percent" className={labelClass}>{t('form.percent')}</label>
          <input id="task-percent" name="percent" inputMode="numeric" defaultValue={v('percent', report?.percent?.toString() ?? '')} aria-invalid={invalid('percent')} aria-describedby="task-percent-error" className={inputClass} />
          <Err state={state} field="percent" id="task-percent-error" />
        </div>
      </div>
      {(['progress', 'problems', 'nextSteps'] as const).map((field) => (
        <div key={field}>
          <label htmlFor={`task-${field}`} className={labelClass}>{t(`form.${field}`)}</label>
          <textarea id={`task-${field}`} name={field} rows={field === 'progress' ? 4 : 2} defaultValue={v(field, report?.[field] ?? '')} aria-invalid={invalid(field)} aria-describedby={`task-${field}-error`} className={inputClass} />
          <Err state={state} field={field} id={`task-${field}-error`} />
        </div>
      ))}
      {targets.map((target) => {
        const field = targetValueField(target.id);
        return (
          <div key={target.id}>
            <label htmlFor={`task-${field}`} className={labelClass}>{t('form.targetValue', { subject: target.subject.replace(/\./g, '、'), unit: target.unit })}</label>
            <input id={`task-${field}`} name={field} inputMode="decimal" defaultValue={v(field, valueOf(target.id)?.toString() ?? '')} aria-invalid={invalid(field)} aria-describedby={`task-${field}-error`} className={`${inputClass} sm:w-48`} />
            <Err state={state} field={field} id={`task-${field}-error`} />
          </div>
        );
      })}
      <div>
        <label htmlFor="task-evidence" className={labelClass}>{t('form.evidence', { maxMb: EVIDENCE_UPLOAD_MAX_MB })}</label>
        <input
          id="task-evidence" name="evidence" type="file" accept={EVIDENCE_ACCEPT}
          aria-invalid={fileError || invalid('evidence')} aria-describedby="task-evidence-error"
          onChange={(e) => setFileError((e.currentTarget.files?.[0]?.size ?? 0) > EVIDENCE_UPLOAD_MAX_BYTES)}
          className="mt-1 block text-sm"
        />
        {fileError ? <p id="task-evidence-error" className="mt-1 text-sm text-red-700">{t('errors.evidenceTooLarge')}</p> : <Err state={state} field="evidence" id="task-evidence-error" />}
      </div>
      <Message state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="draft" disabled={pending || fileError} className={secondaryButtonClass}>{t('form.saveDraft')}</button>
        <button type="submit" name="intent" value="submit" disabled={pending || fileError} className={primaryButtonClass}>{t('form.submit')}</button>
      </div>
    </form>
  );
}

/** Submit a saved draft or a returned report as it stands. */
export function SubmitSavedForm({ report }: { report: TaskReport }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(submitTaskReportAction, {});
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={report.id} />
      <input type="hidden" name="version" value={report.version} />
      <input type="hidden" name="actionId" value={report.actionId} />
      <Message state={state} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('form.submitSaved')}</button>
    </form>
  );
}

/** A reviewer approves or returns (with a reason) a submitted report. */
export function ReviewTaskForm({ report }: { report: TaskReport }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(reviewTaskReportAction, {});
  if (state.ok) return <Message state={state} />;
  return (
    <form action={formAction} className="space-y-2" aria-label={t('review.heading')}>
      <input type="hidden" name="id" value={report.id} />
      <input type="hidden" name="version" value={report.version} />
      <label htmlFor={`review-reason-${report.id}`} className={labelClass}>{t('review.reason')}</label>
      <textarea id={`review-reason-${report.id}`} name="reason" rows={2} defaultValue={state.values?.reason} aria-invalid={state.errors?.reason ? true : undefined} aria-describedby={`review-reason-${report.id}-error`} className={inputClass} />
      <Err state={state} field="reason" id={`review-reason-${report.id}-error`} />
      {!state.errors && <Message state={state} />}
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending} className={primaryButtonClass}>{t('review.approve')}</button>
        <button type="submit" name="decision" value="return" disabled={pending} className={secondaryButtonClass}>{t('review.return')}</button>
      </div>
    </form>
  );
}

/** Admin: unlock an approved report with a reason. */
export function UnlockTaskForm({ report }: { report: TaskReport }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(unlockTaskReportAction, {});
  if (state.ok) return <Message state={state} />;
  return (
    <form action={formAction} className="space-y-2" aria-label={t('review.unlockHeading')}>
      <input type="hidden" name="id" value={report.id} />
      <input type="hidden" name="version" value={report.version} />
      <label htmlFor={`unlock-reason-${report.id}`} className={labelClass}>{t('review.unlockReason')}</label>
      <input id={`unlock-reason-${report.id}`} name="reason" defaultValue={state.values?.reason} aria-invalid={state.errors?.reason ? true : undefined} className={inputClass} />
      <Err state={state} field="reason" id={`unlock-reason-${report.id}-error`} />
      {!state.errors && <Message state={state} />}
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('review.unlock')}</button>
    </form>
  );
}

export function RemoveEvidenceButton({ evidenceId, version, fileName }: { evidenceId: number; version: number; fileName: string }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(removeTaskEvidenceAction, {});
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} aria-label={`${t('form.removeEvidence')} ${fileName}`} className="ml-2 text-xs text-red-700 underline">{t('form.removeEvidence')}</button>
      {state.message && !state.ok && <Message state={state} />}
    </form>
  );
}

/** Admin: an action's lead and cooperating units. */
export function ActionUnitsForm({ planSlug, actionId, leadUnit, cooperatingUnits }: { planSlug: string; actionId: number; leadUnit: string | null; cooperatingUnits: string | null }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(setActionUnitsAction, {});
  return (
    <form action={formAction} className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="actionId" value={actionId} />
      <div>
        <label htmlFor="lead-unit" className={labelClass}>{t('leadUnit')}</label>
        <input id="lead-unit" name="leadUnit" defaultValue={state.values?.leadUnit ?? leadUnit ?? ''} className={inputClass} />
      </div>
      <div>
        <label htmlFor="cooperating-units" className={labelClass}>{t('cooperatingUnits')}</label>
        <input id="cooperating-units" name="cooperatingUnits" defaultValue={state.values?.cooperatingUnits ?? cooperatingUnits ?? ''} className={inputClass} />
      </div>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('admin.save')}</button>
      <div className="sm:col-span-3"><Message state={state} /></div>
    </form>
  );
}

/** A milestone's name and planned/actual dates. */
export function MilestoneForm({ planSlug, milestone }: { planSlug: string; milestone: { id: number; version: number; name: string; plannedDate: string | null; actualDate: string | null } }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveMilestoneAction, {});
  const id = (f: string) => `ms-${milestone.id}-${f}`;
  return (
    <form action={formAction} className="grid grid-cols-2 gap-2 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end" aria-label={`${t('projects.edit')} ${milestone.name}`}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <input type="hidden" name="version" value={milestone.version} />
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor={id('name')} className="block text-xs text-slate-700">{t('projects.name')}</label>
        <input id={id('name')} name="name" defaultValue={state.values?.name ?? milestone.name} className={inputClass} />
        <Err state={state} field="name" id={id('name-error')} />
      </div>
      <div>
        <label htmlFor={id('planned')} className="block text-xs text-slate-700">{t('projects.planned')}</label>
        <input id={id('planned')} name="plannedDate" type="date" defaultValue={state.values?.plannedDate ?? milestone.plannedDate ?? ''} className={inputClass} />
        <Err state={state} field="plannedDate" id={id('planned-error')} />
      </div>
      <div>
        <label htmlFor={id('actual')} className="block text-xs text-slate-700">{t('projects.actual')}</label>
        <input id={id('actual')} name="actualDate" type="date" defaultValue={state.values?.actualDate ?? milestone.actualDate ?? ''} className={inputClass} />
        <Err state={state} field="actualDate" id={id('actual-error')} />
      </div>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('projects.save')}</button>
      <div className="col-span-2 sm:col-span-4"><Message state={state} /></div>
    </form>
  );
}

/** Admin: removes a milestone (at the version shown). */
export function RemoveMilestoneButton({ planSlug, milestone }: { planSlug: string; milestone: { id: number; version: number; name: string } }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(removeMilestoneAction, {});
  return (
    <form action={formAction} className="text-xs" aria-label={`${t('projects.remove')} ${milestone.name}`}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <input type="hidden" name="version" value={milestone.version} />
      <button type="submit" disabled={pending} className="text-red-700 underline">{t('projects.remove')} {milestone.name}</button>
      <Message state={state} />
    </form>
  );
}

/** Admin: a milestone of the admin's own at the end of a project's list. */
export function AddMilestoneForm({ planSlug, projectId }: { planSlug: string; projectId: number }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(addMilestoneAction, {});
  const id = (f: string) => `add-ms-${projectId}-${f}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={t('projects.add')}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="projectId" value={projectId} />
      <div>
        <label htmlFor={id('name')} className="block text-xs text-slate-700">{t('projects.addName')}</label>
        <input id={id('name')} name="name" defaultValue={state.ok ? '' : (state.values?.name ?? '')} className={inputClass} aria-describedby={id('name-error')} />
        <Err state={state} field="name" id={id('name-error')} />
      </div>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('projects.add')}</button>
      <div className="w-full"><Message state={state} /></div>
    </form>
  );
}

/** Admin: the due dates of a year's two reporting periods. */
export function TaskDueDatesForm({ planSlug, year, h1, fy }: { planSlug: string; year: number; h1: string | null; fy: string | null }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(setTaskDueDatesAction, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3 text-sm" aria-label={t('admin.dueDates')}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="year" value={year} />
      {(['h1', 'fy'] as const).map((half) => (
        <label key={half} className="flex flex-col gap-1">
          {year}年{t(`halves.${half === 'h1' ? 'H1' : 'FY'}`)}
          <input name={half} type="date" defaultValue={(half === 'h1' ? h1 : fy) ?? ''} className="rounded border border-slate-300 px-2 py-1" />
        </label>
      ))}
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('admin.save')}</button>
      <Err state={state} field="h1" id="due-h1-error" />
      <Err state={state} field="fy" id="due-fy-error" />
      <Message state={state} />
    </form>
  );
}

/** Admin: a programme heading the plan text lost (empty keeps it missing). */
export function ProgrammeTitleForm({ planSlug, programmeId, number, title }: { planSlug: string; programmeId: number; number: number; title: string | null }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState<FormState, FormData>(setProgrammeTitleAction, {});
  const id = `programme-title-${programmeId}`;
  return (
    <form action={formAction} className="mt-2 flex items-end gap-2 text-sm">
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <label htmlFor={id} className="sr-only">{`专栏${number} ${t('admin.programmeTitle')}`}</label>
      <input id={id} name="title" placeholder={t('admin.programmeTitle')} defaultValue={state.values?.title ?? title ?? ''} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1" />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('admin.save')}</button>
      <Message state={state} />
    </form>
  );
}
