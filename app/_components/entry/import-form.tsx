'use client';

import { PreviewActions } from '@/app/_components/import/preview-actions';
import { usePreviewImport } from '@/app/_components/import/use-preview-import';
import { useTranslations } from 'next-intl';
import { importFigureWorkbook } from '@/app/_actions/figures';
import { secondaryButtonClass } from '@/app/_components/form-parts';
import { formatNumber } from '@/lib/progress';
import { FIGURE_UPLOAD_MAX_MB } from '@/lib/schemas/uploads';
import type { ImportPreviewRow } from '@/lib/views/import-preview';
import { FigureWarnings } from './figure-warnings';

/**
 * Excel round trip: download the pre-filled template, upload it, see the preview (every row's stored →
 * new figure, warnings, all errors named by indicator), then confirm. The form is submitted by hand so the
 * chosen file stays in the input between the preview and the confirmation (the server reads it again).
 */
export function ImportForm({ planSlug, year }: { planSlug: string; year: number }) {
  const t = useTranslations('entry');
  const tMessages = useTranslations('entryMessages');
  const { form, submit, pending, shown, canConfirm, inputChanged, dismiss } = usePreviewImport(importFigureWorkbook);
  const preview = shown.preview;
  const value = (row: ImportPreviewRow, text: string | null) => (text === null ? t('previewNone') : `${formatNumber(Number(text), row.decimals)}`);

  return (
    <section aria-labelledby="excel-title" className="rounded border border-slate-300 bg-white p-3">
      <h2 id="excel-title" className="font-semibold">{t('excelTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('excelIntro')}</p>
      <a href={`/plans/${planSlug}/entry/${year}/template`} className={`${secondaryButtonClass} mt-2 inline-block`} download>
        {t('downloadTemplate', { year })}
      </a>
      <form ref={form} onSubmit={submit} className="mt-3 space-y-3">
        <input type="hidden" name="planSlug" value={planSlug} />
        <input type="hidden" name="year" value={year} />
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
          <div role={shown.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${shown.ok ? 'bg-green-50 text-green-900' : shown.message === 'import.preview' ? 'bg-blue-50 text-blue-950' : 'bg-red-50 text-red-800'}`}>
            <p>{tMessages(shown.message, { created: shown.created ?? 0, updated: shown.updated ?? 0, max: FIGURE_UPLOAD_MAX_MB })}</p>
            {shown.changedNames && shown.changedNames.length > 0 && <p className="mt-1">{shown.changedNames.join('、')}</p>}
            {shown.importErrors && shown.importErrors.length > 0 && (
              <>
                {preview && <p className="mt-1 font-medium">{t('previewErrorsTitle', { count: shown.importErrors.length })}</p>}
                <ul className="mt-1 list-disc pl-5" data-testid="import-errors">
                  {shown.importErrors.map((error, index) => (
                    <li key={index}>
                      {error.indicator ? `${t('importIndicator', { sequence: error.indicator.sequence, name: error.indicator.name })}，` : ''}
                      {error.row > 0 ? t('importRow', { row: error.row }) : t('importFile')}
                      {error.column ? `（${error.column}）` : ''}：{error.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}

        {preview && preview.rows.length > 0 && !shown.ok && (
          <div data-testid="import-preview">
            <h3 className="text-sm font-semibold">{t('previewTitle')}</h3>
            {/* On a phone each row stacks as a small card (labels inline), so nothing hides off-screen. */}
            <div className="mt-1 rounded border border-slate-200 sm:overflow-x-auto">
              <table className="w-full text-sm max-sm:block sm:min-w-[36rem]">
                <thead className="bg-slate-50 text-left text-xs text-slate-700 max-sm:sr-only">
                  <tr>
                    <th scope="col" className="px-2 py-1">{t('previewIndicator')}</th>
                    <th scope="col" className="px-2 py-1 text-right">{t('previewBefore')}</th>
                    <th scope="col" className="px-2 py-1 text-right">{t('previewAfter')}</th>
                    <th scope="col" className="px-2 py-1">{t('previewChange')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 max-sm:block">
                  {preview.rows.map((row) => (
                    <tr key={row.indicatorId} data-testid="import-preview-row" data-sequence={row.sequence} className={`max-sm:block max-sm:py-1 ${row.change === 'unchanged' ? 'text-slate-500' : ''}`}>
                      <th scope="row" className="px-2 py-1 text-left font-normal max-sm:block">
                        <span className="text-slate-500">{row.sequence}.</span> {row.name}（{row.unit}）
                        <span className="block text-xs text-slate-500">{t('importRow', { row: row.row })}</span>
                      </th>
                      <td className="px-2 py-1 text-right tabular-nums max-sm:inline-block max-sm:py-0 max-sm:text-left">
                        <span className="sm:hidden">{t('previewBefore')}：</span>
                        {row.before ? value(row, row.before.value) : t('previewNone')}
                        {row.before && <span className="text-xs text-slate-500 sm:block">{t('previewStatus', { status: t(`status.${row.before.status}`) })}</span>}
                      </td>
                      <td className="px-2 py-1 text-right tabular-nums font-medium max-sm:inline-block max-sm:py-0 max-sm:text-left">
                        {row.before ? <span aria-hidden="true" className="mr-1 text-slate-400">→</span> : null}
                        {value(row, row.after.value)}
                      </td>
                      <td className="px-2 py-1 text-xs max-sm:block">
                        <p>{row.change === 'create' ? t('previewCreate') : row.change === 'update' ? t('previewUpdate') : t('previewUnchanged')}</p>
                        {row.change !== 'unchanged' && (row.after.source || row.after.quality || row.after.note) && (
                          <p className="text-slate-600">
                            {[row.after.source, row.after.quality && t(`qualityOption.${row.after.quality}`), row.after.note].filter(Boolean).join(' · ')}
                          </p>
                        )}
                        {row.backToDraft && <p className="font-medium text-amber-900" data-testid="back-to-draft">{t('previewBackToDraft', { status: t(`status.${row.backToDraft}`) })}</p>}
                        {row.warnings.length > 0 && <FigureWarnings warnings={row.warnings} kind={row.kind} decimals={row.decimals} className="mt-0.5 space-y-0.5 text-amber-900" />}
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
    </section>
  );
}
