'use client';

import { PreviewActions } from '@/app/_components/import/preview-actions';
import { usePreviewImport } from '@/app/_components/import/use-preview-import';
import { useTranslations } from 'next-intl';
import { importTaskProgrammesAction, importTaskReportWorkbook } from '@/app/_actions/tasks';
import { secondaryButtonClass } from '@/app/_components/form-parts';
import { FIGURE_UPLOAD_MAX_MB, PLAN_TABLE_UPLOAD_MAX_BYTES, PLAN_TABLE_UPLOAD_MAX_MB } from '@/lib/schemas/uploads';
import type { TaskImportPreviewRow, TaskReportFields } from '@/lib/views/task-import-preview';

/**
 * Excel round trip of a period's key-task reports: upload the filled-in template, see the preview (every
 * action's stored → new report, all errors named by the action), then confirm. Submitted by hand so the
 * chosen file stays in the input between the preview and the confirmation (the server reads it again).
 */
export function TaskImportForm({ planSlug, year, half }: { planSlug: string; year: number; half: 'H1' | 'FY' }) {
  const t = useTranslations('tasks.import');
  const tTasks = useTranslations('tasks');
  const tMessages = useTranslations('tasks.messages');
  const { form, submit, pending, shown, canConfirm, inputChanged, dismiss } = usePreviewImport(importTaskReportWorkbook);
  const preview = shown.preview;
  const summary = (fields: TaskReportFields) => `${tTasks(`reportStatuses.${fields.status}`)}${fields.percent === null ? '' : ` · ${fields.percent}%`}`;
  const changeText = (row: TaskImportPreviewRow) =>
    row.change === 'create' ? t('create') : row.change === 'unchanged' ? t('unchanged') : t('update', { fields: row.changed.map((f) => t(`fields.${f}`)).join('、') });

  return (
    <form ref={form} onSubmit={submit} className="space-y-3">
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="half" value={half} />
      <input type="hidden" name="token" value={preview?.token ?? ''} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block text-xs font-medium text-slate-700">{t('uploadLabel')}</span>
          <input type="file" name="file" onChange={inputChanged} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="mt-1 max-w-full text-sm" />
        </label>
        <button type="submit" name="intent" value="preview" className={secondaryButtonClass} disabled={pending}>
          {pending ? t('uploading') : t('upload')}
        </button>
      </div>

      {shown.message && (
        <div role={shown.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${shown.ok ? 'bg-green-50 text-green-900' : shown.message === 'import.preview' ? 'bg-blue-50 text-blue-950' : 'bg-red-50 text-red-800'}`} data-testid="task-import-message">
          <p>{tMessages(shown.message, { created: shown.created ?? 0, updated: shown.updated ?? 0, max: FIGURE_UPLOAD_MAX_MB })}</p>
          {shown.changedNames && shown.changedNames.length > 0 && <p className="mt-1">{shown.changedNames.join('、')}</p>}
          {shown.importErrors && shown.importErrors.length > 0 && (
            <>
              {preview && <p className="mt-1 font-medium">{t('previewErrorsTitle', { count: shown.importErrors.length })}</p>}
              <ul className="mt-1 list-disc pl-5" data-testid="task-import-errors">
                {shown.importErrors.map((error, index) => (
                  <li key={index}>
                    {error.action ? `${t('actionName', { programme: error.action.programme, number: error.action.number, name: error.action.name })}，` : ''}
                    {error.row > 0 ? t('row', { row: error.row }) : t('file')}
                    {error.column ? `（${error.column}）` : ''}：{error.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      {preview && preview.rows.length > 0 && !shown.ok && (
        <div data-testid="task-import-preview">
          <h3 className="text-sm font-semibold">{t('previewTitle')}</h3>
          <div className="mt-1 rounded border border-slate-200 sm:overflow-x-auto">
            <table className="w-full text-sm max-sm:block sm:min-w-[40rem]">
              <thead className="bg-slate-50 text-left text-xs text-slate-700 max-sm:sr-only">
                <tr>
                  <th scope="col" className="px-2 py-1">{t('colTask')}</th>
                  <th scope="col" className="px-2 py-1">{t('colBefore')}</th>
                  <th scope="col" className="px-2 py-1">{t('colAfter')}</th>
                  <th scope="col" className="px-2 py-1">{t('colChange')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 max-sm:block">
                {preview.rows.map((row) => (
                  <tr key={row.actionId} data-testid="task-import-row" data-change={row.change} className={`align-top max-sm:block max-sm:py-1 ${row.change === 'unchanged' ? 'text-slate-500' : ''}`}>
                    <th scope="row" className="px-2 py-1 text-left font-normal max-sm:block">
                      <span className="text-slate-500">专栏{row.programme} · {row.number}</span> {row.name}
                      <span className="block text-xs text-slate-500">{t('row', { row: row.row })}</span>
                    </th>
                    <td className="px-2 py-1 max-sm:inline-block max-sm:py-0">
                      <span className="sm:hidden">{t('colBefore')}：</span>
                      {row.before ? <>{summary(row.before)}<span className="block text-xs text-slate-500">{tTasks(`states.${row.before.state}`)}</span></> : t('none')}
                    </td>
                    <td className="px-2 py-1 font-medium max-sm:inline-block max-sm:py-0">
                      <span aria-hidden="true" className="mr-1 text-slate-400 sm:hidden">→</span>
                      {summary(row.after)}
                      <span className="block line-clamp-2 text-xs font-normal text-slate-600">{row.after.progress}</span>
                    </td>
                    <td className="px-2 py-1 text-xs max-sm:block">
                      <p>{changeText(row)}</p>
                      {row.backToDraft && <p className="font-medium text-amber-900">{t('backToDraft', { state: tTasks(`states.${row.backToDraft}`) })}</p>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canConfirm && <PreviewActions pending={pending} onCancel={dismiss} confirm={t('confirm', { count: preview.writes })} confirming={t('confirming')} cancel={t('cancel')} />}
        </div>
      )}
    </form>
  );
}

/**
 * Admin, for a plan without key tasks yet: upload the filled-in 专栏 table, see the preview (every 专栏 with
 * its actions and their quantified targets as read, and the counts; or every error by sheet and row), then
 * confirm. All or nothing, and only once: the confirmation is refused when the plan has tasks by then.
 */
export function TaskProgrammeImportForm({ planSlug }: { planSlug: string }) {
  const t = useTranslations('tasks.import');
  const tMessages = useTranslations('tasks.messages');
  const { form, submit, pending, shown, canConfirm, inputChanged, dismiss } = usePreviewImport(importTaskProgrammesAction, { maxBytes: PLAN_TABLE_UPLOAD_MAX_BYTES, tooLarge: 'programmes.tooLarge' });
  const preview = shown.preview;
  const done = shown.ok ? { programmes: shown.programmes ?? 0, actions: shown.actions ?? 0, targets: shown.targets ?? 0 } : null;
  return (
    <form ref={form} onSubmit={submit} className="space-y-3">
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="token" value={preview?.token ?? ''} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block text-xs font-medium text-slate-700">{t('programmesUpload')}</span>
          <input type="file" name="file" onChange={inputChanged} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="mt-1 max-w-full text-sm" />
        </label>
        <button type="submit" name="intent" value="preview" className={secondaryButtonClass} disabled={pending}>
          {pending ? t('uploading') : t('programmesSubmit')}
        </button>
      </div>

      {shown.message && (
        <div role={shown.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${shown.ok ? 'bg-green-50 text-green-900' : shown.message === 'programmes.preview' ? 'bg-blue-50 text-blue-950' : 'bg-red-50 text-red-800'}`} data-testid="programme-import-message">
          <p>{tMessages(shown.message, { ...(done ?? { programmes: 0, actions: 0, targets: 0 }), count: shown.importErrors?.length ?? 0, max: PLAN_TABLE_UPLOAD_MAX_MB })}</p>
          {shown.importErrors && shown.importErrors.length > 0 && (
            <ul className="mt-1 list-disc pl-5" data-testid="programme-import-errors">
              {shown.importErrors.map((e, i) => (
                <li key={i}>{e.sheet && e.row > 0 ? t('programmesSheetRow', { sheet: e.sheet, row: e.row }) : e.sheet ? `“${e.sheet}”` : t('file')}：{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {preview && !shown.ok && (
        <div data-testid="programme-import-preview">
          <h3 className="text-sm font-semibold">{t('programmesPreviewTitle')}</h3>
          <p className="mt-1 text-sm font-medium text-brand-800" data-testid="programme-import-counts">{t('programmesCounts', preview.counts)}</p>
          <ol className="mt-2 space-y-2">
            {preview.programmes.map((p) => (
              <li key={p.number} className="rounded border border-slate-200 bg-white p-2" data-testid="programme-import-programme">
                <h4 className="text-sm font-semibold">{p.heading}</h4>
                {p.titleMissing && <p className="text-xs font-medium text-amber-900">{t('programmesTitleMissing')}</p>}
                <ul className="mt-1 divide-y divide-slate-100 text-sm">
                  {p.actions.map((a) => (
                    <li key={a.number} className="py-1">
                      <p>{t('programmesAction', { number: a.number, name: a.name })}</p>
                      {a.targets.length === 0 ? (
                        <p className="pl-4 text-xs text-slate-500">{t('programmesNoTargets')}</p>
                      ) : (
                        <ul className="mt-0.5 space-y-0.5 pl-4 text-xs text-slate-700">
                          {a.targets.map((target, i) => (
                            <li key={i}>
                              <span className="font-medium">
                                {t('programmesTarget', { subject: target.subject, value: target.valueText, kind: t(`programmesKinds.${target.kind}`), deadline: target.deadlineYear === null ? '' : t('programmesDeadline', { year: target.deadlineYear }) })}
                              </span>
                              <span className="block text-slate-500">{target.phrase}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {canConfirm && <PreviewActions pending={pending} onCancel={dismiss} confirm={t('programmesConfirm', preview.counts)} confirming={t('confirming')} cancel={t('cancel')} />}
        </div>
      )}
    </form>
  );
}
