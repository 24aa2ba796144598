'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/auth/action';
import { canReportAction } from '@/lib/auth/permissions';
import {
  addTaskMilestone,
  removeTaskEvidence,
  removeTaskMilestone,
  saveTaskMilestone,
  saveTaskReport,
  setTaskActionUnits,
  setTaskPeriodDueDates,
  setTaskProgrammeTitle,
  transitionTaskReport,
  importTaskReports,
  importTaskProgrammes,
  type EvidenceUpload,
  type TaskWriteResult,
} from '@/lib/data/task-writes';
import { loadPlan, loadTaskEvidenceFile, loadTaskPlan, loadTaskReports } from '@/lib/loaders';
import { readTaskReportWorkbook, taskTemplateTargets } from '@/lib/import/task-report-workbook';
import { readTaskProgrammeWorkbook } from '@/lib/import/task-programme-workbook';
import { withImportSlot } from '@/lib/import/import-slots';
import { buildTaskProgrammePreview, taskProgrammeImportToken, type TaskProgrammePreview } from '@/lib/views/task-programme-preview';
import { buildTaskImportPreview, TASK_IMPORT_LOCKED_MESSAGE, taskImportToken, type TaskImportError, type TaskImportPreviewRow } from '@/lib/views/task-import-preview';
import { reviewSchema, unlockSchema } from '@/lib/schemas/figure-entry';
import { fieldErrors, type FormState } from '@/lib/schemas/form-state';
import { planSlugSchema } from '@/lib/schemas/params';
import { actionUnitsSchema, milestoneAddSchema, milestoneRemoveSchema, milestoneSchema, programmeTitleSchema, TASK_REPORT_TEXT_FIELDS, taskDueDatesSchema, taskImportPeriodSchema, targetValueField, targetValueSchema, taskReportSchema, taskReportTargetSchema } from '@/lib/schemas/task-report';
import { checkEvidenceFile, EVIDENCE_UPLOAD_MAX_BYTES, FIGURE_UPLOAD_MAX_BYTES, PLAN_TABLE_UPLOAD_MAX_BYTES } from '@/lib/schemas/uploads';
import { findTaskAction } from '@/lib/views/tasks';

// Message keys are in the "tasks.messages" namespace; field errors in "tasks.errors".

function refreshed() {
  revalidatePath('/', 'layout');
}

function refusalMessage(result: Exclude<TaskWriteResult, { ok: true }>): string {
  return `refused.${result.reason}`;
}

/** Staff (and admins) save an action's report for a period as a draft or submit it, with target values and one evidence file. */
export const saveTaskReportAction = formAction('tasks.report', {
  // The plan and the action are read even when another field is wrong, so the target fields keep what was typed:
  // the wrapper parses which action the form is for; the report's fields, target values and file are parsed below.
  schema: taskReportTargetSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug'), actionId: formData.get('actionId') }),
  values: TASK_REPORT_TEXT_FIELDS,
  invalid: (_error, values) => ({ message: 'badRequest', values }),
  run: async ({ input: target, user, formData, values }) => {
    const parsed = taskReportSchema.safeParse({
      planSlug: formData.get('planSlug'), actionId: formData.get('actionId'), year: formData.get('year'), half: formData.get('half'),
      status: formData.get('status') ?? '', percent: formData.get('percent') ?? '', progress: formData.get('progress') ?? '',
      problems: formData.get('problems') ?? '', nextSteps: formData.get('nextSteps') ?? '', baseVersion: formData.get('baseVersion'), intent: formData.get('intent') ?? 'draft',
    });
    const plan = await loadPlan(target.planSlug);
    const found = plan ? findTaskAction(await loadTaskPlan(plan.id), target.actionId) : null;
    if (!plan || !found || (parsed.success && (parsed.data.year < plan.firstYear || parsed.data.year > plan.lastYear))) return { message: 'badRequest', values };
    const errors: Record<string, string[]> = parsed.success ? {} : (fieldErrors(parsed.error) as Record<string, string[]>);
    const targetValues: { targetId: number; value: string }[] = [];
    for (const target of found.action.targets) {
      const field = targetValueField(target.id);
      const raw = String(formData.get(field) ?? '');
      values[field] = raw;
      if (raw.trim() === '') continue;
      const value = targetValueSchema.safeParse(raw);
      if (value.success) targetValues.push({ targetId: target.id, value: value.data });
      else errors[field] = ['valueInvalid'];
    }
    const file = formData.get('evidence');
    let evidence: EvidenceUpload[] = [];
    if (file instanceof File && file.size > 0) {
      if (file.size > EVIDENCE_UPLOAD_MAX_BYTES) errors.evidence = ['evidenceTooLarge'];
      else {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const checked = checkEvidenceFile(file.name, bytes);
        if (checked.ok) evidence = [{ fileName: checked.fileName, contentType: checked.contentType, bytes }];
        else errors.evidence = [checked.reason === 'tooLarge' ? 'evidenceTooLarge' : 'evidenceBadType'];
      }
    }
    if (!parsed.success || Object.keys(errors).length > 0) return { errors, message: 'checkFields', values };
    const input = parsed.data;
    if (!canReportAction(user, input.actionId)) return { message: 'notAssigned', values };
    if (plan.status === 'archived') return { message: 'refused.archived', values };
    const result = await saveTaskReport(
      {
        actionId: input.actionId, year: input.year, half: input.half, status: input.status, percent: input.percent, progress: input.progress,
        problems: input.problems, nextSteps: input.nextSteps, values: targetValues, evidence, baseVersion: input.baseVersion, submit: input.intent === 'submit',
      },
      user,
    );
    if (!result.ok) {
      const current: Record<string, string> = 'current' in result ? { currentBy: result.current.updatedByName ?? '', currentAt: result.current.updatedAt } : {};
      return { message: refusalMessage(result), values: { ...values, ...current } };
    }
    refreshed();
    if (result.unchanged) return { ok: true, message: 'nothingChanged' };
    return { ok: true, message: input.intent === 'submit' ? 'submitted' : 'saved' };
  },
});

const readReason = (formData: FormData) => ({ reason: String(formData.get('reason') ?? '') });

/** A reviewer approves a submitted report (it locks) or returns it with a reason. */
export const reviewTaskReportAction = formAction('tasks.review', {
  schema: reviewSchema,
  read: (formData) => ({ id: formData.get('id'), version: formData.get('version'), decision: formData.get('decision'), reason: formData.get('reason') ?? '' }),
  values: readReason,
  run: async ({ input: { id, version, decision, reason }, user }) => {
    const result = await transitionTaskReport({ id, version, action: decision, reason: reason || null }, user);
    if (!result.ok) return { message: refusalMessage(result), values: { reason } };
    // No revalidation: the form stays with its outcome, so the reviewer sees what was done (as for figures);
    // every page renders on request and shows the new state on the next visit.
    return { ok: true, message: decision === 'approve' ? 'approved' : 'returned' };
  },
});

const versionRefSchema = unlockSchema.pick({ id: true, version: true });

/** Staff submit a saved draft (or a returned report) without changing it. */
export const submitTaskReportAction = formAction('tasks.report', {
  schema: versionRefSchema,
  read: (formData) => ({ id: formData.get('id'), version: formData.get('version') }),
  invalid: () => ({ message: 'badRequest' }),
  run: async ({ input, user, formData }) => {
    const actionId = Number(formData.get('actionId'));
    if (!canReportAction(user, actionId)) return { message: 'notAssigned' };
    const result = await transitionTaskReport({ ...input, action: 'submit' }, user);
    if (!result.ok) return { message: refusalMessage(result) };
    if (result.report.actionId !== actionId) return { message: 'badRequest' };
    refreshed();
    return { ok: true, message: 'submitted' };
  },
});

/** Only an admin reopens an approved report, and says why; it goes back to draft. */
export const unlockTaskReportAction = formAction('tasks.unlock', {
  schema: unlockSchema,
  read: (formData) => ({ id: formData.get('id'), version: formData.get('version'), reason: formData.get('reason') ?? '' }),
  values: readReason,
  run: async ({ input, user }) => {
    const result = await transitionTaskReport({ ...input, action: 'unlock' }, user);
    if (!result.ok) return { message: refusalMessage(result), values: { reason: input.reason } };
    return { ok: true, message: 'unlocked' };
  },
});

/** Removes an evidence file from a report that is not locked. */
export const removeTaskEvidenceAction = formAction('tasks.report', {
  schema: versionRefSchema,
  read: (formData) => ({ id: formData.get('evidenceId'), version: formData.get('version') }),
  invalid: () => ({ message: 'badRequest' }),
  run: async ({ input, user }) => {
    const file = await loadTaskEvidenceFile(input.id);
    if (!file) return { message: 'refused.notFound' };
    if (!canReportAction(user, file.actionId)) return { message: 'notAssigned' };
    const result = await removeTaskEvidence({ evidenceId: input.id, version: input.version }, user);
    if (!result.ok) return { message: refusalMessage(result) };
    refreshed();
    return { ok: true, message: 'evidenceRemoved' };
  },
});

/** A project milestone's name and planned/actual dates (staff who may report the project's action, admins). */
export const saveMilestoneAction = formAction('tasks.report', {
  schema: milestoneSchema,
  read: (formData) => Object.fromEntries(['planSlug', 'milestoneId', 'version', 'name', 'plannedDate', 'actualDate'].map((k) => [k, formData.get(k) ?? ''])),
  values: ['name', 'plannedDate', 'actualDate'],
  run: async ({ input, user, values }) => {
    const plan = await loadPlan(input.planSlug);
    const project = plan ? (await loadTaskPlan(plan.id)).projects.find((p) => p.milestones.some((m) => m.id === input.milestoneId)) : null;
    if (!project) return { message: 'badRequest', values };
    if (user.role === 'staff' && user.indicatorIds !== null && (project.actionId === null || !canReportAction(user, project.actionId))) return { message: 'notAssigned', values };
    const result = await saveTaskMilestone(input, user);
    if (!result.ok) return { message: `refused.${result.reason}`, values };
    refreshed();
    return { ok: true, message: 'saved' };
  },
});

/** Admin: a milestone of the admin's own (e.g. 竣工验收) at the end of a project's list. */
export const addMilestoneAction = formAction('tasks.manage', {
  schema: milestoneAddSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug') ?? '', projectId: formData.get('projectId') ?? '', name: formData.get('name') ?? '' }),
  values: ['name'],
  run: async ({ input, user, values }) => {
    const plan = await loadPlan(input.planSlug);
    if (!plan || !(await loadTaskPlan(plan.id)).projects.some((p) => p.id === input.projectId)) return { message: 'badRequest', values };
    const result = await addTaskMilestone(input, user);
    if (!result.ok) return { message: result.reason === 'tooMany' ? 'milestoneLimit' : `refused.${result.reason}`, values };
    refreshed();
    return { ok: true, message: 'saved' };
  },
});

/** Admin: removes a milestone (at the version the page showed). */
export const removeMilestoneAction = formAction('tasks.manage', {
  schema: milestoneRemoveSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug') ?? '', milestoneId: formData.get('milestoneId') ?? '', version: formData.get('version') ?? '' }),
  invalid: () => ({ message: 'badRequest' }),
  run: async ({ input }) => {
    const plan = await loadPlan(input.planSlug);
    if (!plan || !(await loadTaskPlan(plan.id)).projects.some((p) => p.milestones.some((m) => m.id === input.milestoneId))) return { message: 'badRequest' };
    const result = await removeTaskMilestone(input);
    if (!result.ok) return { message: `refused.${result.reason}` };
    refreshed();
    return { ok: true, message: 'milestoneRemoved' };
  },
});

/** Admin: the due dates of a year's two reporting periods (empty = none). */
export const setTaskDueDatesAction = formAction('tasks.manage', {
  schema: taskDueDatesSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug'), year: formData.get('year'), h1: formData.get('h1') ?? '', fy: formData.get('fy') ?? '' }),
  run: async ({ input: { planSlug, year, h1, fy } }) => {
    const plan = await loadPlan(planSlug);
    if (!plan) return { message: 'badRequest' };
    const result = await setTaskPeriodDueDates(plan.id, [{ year, half: 'H1', dueDate: h1 || null }, { year, half: 'FY', dueDate: fy || null }]);
    if (!result.ok) return { message: `refused.${result.reason}` };
    refreshed();
    return { ok: true, message: 'saved' };
  },
});

/** Admin: an action's lead and cooperating units (empty = 未填写). */
export const setActionUnitsAction = formAction('tasks.manage', {
  schema: actionUnitsSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug'), actionId: formData.get('actionId'), leadUnit: formData.get('leadUnit') ?? '', cooperatingUnits: formData.get('cooperatingUnits') ?? '' }),
  values: ['leadUnit', 'cooperatingUnits'],
  run: async ({ input, values }) => {
    const plan = await loadPlan(input.planSlug);
    if (!plan || !findTaskAction(await loadTaskPlan(plan.id), input.actionId)) return { message: 'badRequest', values };
    const result = await setTaskActionUnits(input.actionId, { leadUnit: input.leadUnit, cooperatingUnits: input.cooperatingUnits });
    if (!result.ok) return { message: `refused.${result.reason}`, values };
    refreshed();
    return { ok: true, message: 'saved' };
  },
});

/** Admin: a programme heading the plan text lost (empty = still missing). */
export const setProgrammeTitleAction = formAction('tasks.manage', {
  schema: programmeTitleSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug'), programmeId: formData.get('programmeId'), title: formData.get('title') ?? '' }),
  values: ['title'],
  run: async ({ input }) => {
    const plan = await loadPlan(input.planSlug);
    if (!plan || !(await loadTaskPlan(plan.id)).programmes.some((p) => p.id === input.programmeId)) return { message: 'badRequest' };
    const result = await setTaskProgrammeTitle(input.programmeId, input.title);
    if (!result.ok) return { message: `refused.${result.reason}` };
    refreshed();
    return { ok: true, message: 'saved' };
  },
});

export interface TaskImportFormState extends FormState {
  importErrors?: TaskImportError[];
  created?: number;
  updated?: number;
  /** the preview of the uploaded file: shown before anything is written */
  preview?: { rows: TaskImportPreviewRow[]; writes: number; token: string };
  /** actions whose report changed since the preview (confirm refused) */
  changedNames?: string[];
}

/**
 * Imports a filled-in key-task template of one period in two steps, as the figures' import: `intent=preview`
 * (the default) reads the file and answers the preview — every action's stored → new report and every error
 * at once, named by the action — and writes nothing. `intent=confirm` sends the same file with the preview's
 * token; the file is read and checked again against the reports as they are now, and when anything differs
 * from the preview nothing is written and the fresh preview is shown. The write repeats every previewed
 * version under the row locks: all reports become drafts or none do.
 */
export const importTaskReportWorkbook = formAction<typeof taskImportPeriodSchema, TaskImportFormState>('tasks.report', {
  schema: taskImportPeriodSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug'), year: formData.get('year'), half: formData.get('half') }),
  invalid: () => ({ message: 'badRequest' }),
  run: async ({ input: target, user, formData }) => {
    const { year, half } = target;
    const confirm = formData.get('intent') === 'confirm';
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return { message: 'import.noFile' };
    if (file.size > FIGURE_UPLOAD_MAX_BYTES) return { message: 'import.tooLarge' };
    const plan = await loadPlan(target.planSlug);
    if (!plan || year < plan.firstYear || year > plan.lastYear) return { message: 'badRequest' };
    if (plan.status === 'archived') return { message: 'refused.archived' };
    const tasks = await loadTaskPlan(plan.id);
    const actions = tasks.programmes.flatMap((p) => p.actions.map((a) => ({ id: a.id, programme: p.number, number: a.number, name: a.name, targets: taskTemplateTargets(a.targets) })));
    const bytes = await file.arrayBuffer();
    const slot = await withImportSlot(() => readTaskReportWorkbook(bytes, { planSlug: plan.slug, firstYear: plan.firstYear, lastYear: plan.lastYear, year, half, actions }));
    if (!slot.ok) return { message: 'import.busy' };
    const preview = buildTaskImportPreview(tasks, await loadTaskReports(plan.id), { year, half }, slot.value, (actionId) => canReportAction(user, actionId));
    const shown = { rows: preview.rows, writes: preview.writes.length, token: taskImportToken(preview) };
    if (preview.errors.length > 0) return { message: 'import.rejected', importErrors: preview.errors, ...(preview.rows.length > 0 ? { preview: shown } : {}) };
    if (preview.rows.length === 0) return { message: 'import.nothingFilled' };
    if (preview.writes.length === 0) return { message: 'import.nothingChanged', preview: shown };
    if (!confirm) return { message: 'import.preview', preview: shown };
    if (formData.get('token') !== shown.token) return { message: 'import.changedSincePreview', preview: shown };

    const result = await importTaskReports({ planId: plan.id, year, half, reports: preview.writes }, user);
    if (!result.ok) {
      const nameOf = (actionId: number) => {
        const row = preview.rows.find((r) => r.actionId === actionId);
        return row ? `专栏${row.programme}第${row.number}项 ${row.name}` : String(actionId);
      };
      if (result.reason === 'stale') return { message: 'import.changedSincePreview', changedNames: result.changed.map(nameOf), preview: shown };
      if (result.reason === 'locked') {
        const errors = result.locked.map((actionId): TaskImportError => {
          const row = preview.rows.find((r) => r.actionId === actionId)!;
          return { row: row.row, column: null, message: TASK_IMPORT_LOCKED_MESSAGE, action: { id: actionId, programme: row.programme, number: row.number, name: row.name } };
        });
        return { message: 'import.rejected', importErrors: errors, preview: shown };
      }
      return { message: result.reason === 'conflict' ? 'import.changedSincePreview' : `refused.${result.reason}` };
    }
    refreshed();
    return { ok: true, message: 'import.done', created: result.created, updated: result.updated };
  },
});

const programmesImportSchema = z.object({ planSlug: planSlugSchema });

export interface TaskProgrammeImportState extends FormState {
  importErrors?: { sheet: string | null; row: number; message: string }[];
  /** the preview of the uploaded file: shown before anything is written (writes: the actions to create) */
  preview?: TaskProgrammePreview & { writes: number; token: string };
  programmes?: number;
  actions?: number;
  targets?: number;
}

/**
 * Admin: a plan without key tasks yet imports its 专栏, actions and targets from an .xlsx, in two steps as the
 * other imports: `intent=preview` (the default) reads the file and answers the preview — every 专栏 with its
 * actions and targets as read, and the counts — or every error at once, named by sheet and row, and writes
 * nothing. `intent=confirm` sends the same file with the preview's token; the file is read again, and when
 * it differs from the preview nothing is written and the fresh preview is shown. The plan must still have no
 * key tasks: checked here, and again by the write under the plan row's lock ('hasTasks': someone imported first).
 */
export const importTaskProgrammesAction = formAction<typeof programmesImportSchema, TaskProgrammeImportState>('tasks.manage', {
  schema: programmesImportSchema,
  read: (formData) => ({ planSlug: formData.get('planSlug') ?? '' }),
  invalid: () => ({ message: 'badRequest' }),
  run: async ({ input, formData }) => {
    const confirm = formData.get('intent') === 'confirm';
    const plan = await loadPlan(input.planSlug);
    if (!plan) return { message: 'badRequest' };
    if (plan.status === 'archived') return { message: 'refused.archived' };
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return { message: 'import.noFile' };
    if (file.size > PLAN_TABLE_UPLOAD_MAX_BYTES) return { message: 'programmes.tooLarge' };
    if ((await loadTaskPlan(plan.id)).programmes.length > 0) return { message: 'programmes.hasTasks' };
    const bytes = await file.arrayBuffer();
    const slot = await withImportSlot(() => readTaskProgrammeWorkbook(bytes));
    if (!slot.ok) return { message: 'import.busy' };
    if (!slot.value.ok) return { message: 'programmes.rejected', importErrors: slot.value.errors };
    const { programmes } = slot.value;
    const preview = buildTaskProgrammePreview(programmes);
    const shown = { ...preview, writes: preview.counts.actions, token: taskProgrammeImportToken(programmes) };
    if (!confirm) return { message: 'programmes.preview', preview: shown };
    if (formData.get('token') !== shown.token) return { message: 'programmes.changedSincePreview', preview: shown };
    const result = await importTaskProgrammes(plan.id, programmes);
    if (!result.ok) return { message: result.reason === 'hasTasks' ? 'programmes.hasTasks' : `refused.${result.reason}` };
    refreshed();
    return { ok: true, message: 'programmes.done', ...preview.counts };
  },
});
