'use client';

import { PreviewActions } from '@/app/_components/import/preview-actions';
import { usePreviewImport } from '@/app/_components/import/use-preview-import';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { importReferenceValuesAction } from '@/app/_actions/benchmarks';
import { inputClass, labelClass, ResetSafeSelect, secondaryButtonClass } from '@/app/_components/form-parts';
import { FIGURE_UPLOAD_MAX_MB } from '@/lib/schemas/uploads';
import type { ReferenceImportRow } from '@/lib/views/benchmark-import';

/** The preview's rows: subject, kind, stored → new, what changes (a card per row on a phone). */
function PreviewTable({ rows }: { rows: readonly ReferenceImportRow[] }) {
  const t = useTranslations('benchmarks');
  const cell = (text: string | null) => text ?? t('import.none');
  return (
    <div className="mt-1 rounded border border-slate-200 sm:overflow-x-auto">
      <table className="w-full text-sm max-sm:block sm:min-w-[40rem]">
        <thead className="bg-slate-50 text-left text-xs text-slate-700 max-sm:sr-only">
          <tr>
            <th scope="col" className="px-2 py-1">{t('subject')}</th>
            <th scope="col" className="px-2 py-1">{t('kindLabel')}</th>
            <th scope="col" className="px-2 py-1 text-right">{t('import.before')}</th>
            <th scope="col" className="px-2 py-1 text-right">{t('import.after')}</th>
            <th scope="col" className="px-2 py-1">{t('import.change')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block">
          {rows.map((row) => (
            <tr key={`${row.subject.type}:${row.subject.id}:${row.kind}`} data-testid="benchmark-import-row" className={`max-sm:block max-sm:py-1 ${row.change === 'unchanged' ? 'text-slate-500' : ''}`}>
              <th scope="row" className="px-2 py-1 text-left font-normal max-sm:block">
                {row.label}（{row.unit}）
                <span className="block text-xs text-slate-500">{t('import.row', { row: row.row })}</span>
              </th>
              <td className="px-2 py-1 max-sm:block max-sm:py-0">{t(`kinds.${row.kind}`)}</td>
              <td className="px-2 py-1 text-right tabular-nums max-sm:inline-block max-sm:py-0 max-sm:text-left">
                <span className="sm:hidden">{t('import.before')}：</span>
                {row.before ? cell(row.before.value) : t('import.none')}
                {row.before && <span className="text-xs text-slate-500 sm:block">（{t(`statuses.${row.before.status}`)}）</span>}
              </td>
              <td className="px-2 py-1 text-right tabular-nums font-medium max-sm:inline-block max-sm:py-0 max-sm:text-left">
                {row.before ? <span aria-hidden="true" className="mx-1 text-slate-400">→</span> : null}
                {row.after.value}
              </td>
              <td className="px-2 py-1 text-xs max-sm:block">
                <p>{t(`import.changes.${row.change}`)}</p>
                {row.change !== 'unchanged' && (
                  <p className="text-slate-600">
                    {row.before && row.before.source !== row.after.source && <span className="block">{t('sourceLabel')}：{cell(row.before.source)} → {cell(row.after.source)}</span>}
                    {(!row.before || row.before.source === row.after.source) && row.after.source && <span className="block">{t('sourceLabel')}：{row.after.source}</span>}
                    {row.after.note && row.after.note !== row.before?.note && <span className="block">{t('noteLabel')}：{cell(row.before?.note ?? null)} → {row.after.note}</span>}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * 对标值 Excel round trip: choose the year, download its template (the plan's indicators and series × the
 * reference kinds, as stored), upload it, see the preview (stored → new, all errors named by indicator or
 * series and kind), then confirm: every value is submitted for review, or none is. Submitted by hand so
 * the chosen file stays in the input between the preview and the confirmation (the server reads it again).
 */
export function BenchmarkImportForm({ planSlug, years, defaultYear }: { planSlug: string; years: number[]; defaultYear: number }) {
  const t = useTranslations('benchmarks');
  const { form, submit, pending, shown, canConfirm, inputChanged, dismiss } = usePreviewImport(importReferenceValuesAction);
  const [year, setYear] = useState(String(defaultYear));
  const preview = shown.preview;
  const messageKey = shown.message ? `messages.${shown.message}` : null;
  const changed = preview?.rows.filter((r) => r.change !== 'unchanged') ?? [];
  const unchanged = preview?.rows.filter((r) => r.change === 'unchanged') ?? [];

  return (
    <div className="space-y-3">
      <form ref={form} onSubmit={submit} className="space-y-3" aria-label={t('import.title')}>
        <input type="hidden" name="planSlug" value={planSlug} />
        <input type="hidden" name="token" value={preview?.token ?? ''} />
        <div className="flex flex-wrap items-end gap-2">
          <label className="space-y-1">
            <span className={labelClass}>{t('year')}</span>
            <ResetSafeSelect name="year" value={year} onChange={(e) => { setYear(e.target.value); inputChanged(); }} className={`${inputClass} w-28`}>
              {years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
            </ResetSafeSelect>
          </label>
          <a href={`/plans/${planSlug}/benchmarks/template/${year}`} className={secondaryButtonClass} download>
            {t('import.download', { year })}
          </a>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className={labelClass}>{t('import.file')}</span>
            <input type="file" name="file" onChange={inputChanged} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="mt-1 block max-w-full text-sm" />
          </label>
          <button type="submit" name="intent" value="preview" className={secondaryButtonClass} disabled={pending}>
            {pending ? t('import.uploading') : t('import.upload')}
          </button>
        </div>

        {messageKey && (
          <div role={shown.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${shown.ok ? 'bg-green-50 text-green-900' : shown.message === 'import.preview' ? 'bg-blue-50 text-blue-950' : 'bg-red-50 text-red-800'}`}>
            <p>{t.has(messageKey) ? t(messageKey, { created: shown.created ?? 0, updated: shown.updated ?? 0, max: FIGURE_UPLOAD_MAX_MB, value: '—', by: '—' }) : shown.message}</p>
            {shown.changedNames && shown.changedNames.length > 0 && <p className="mt-1">{shown.changedNames.join('、')}</p>}
            {shown.importErrors && shown.importErrors.length > 0 && (
              <>
                <p className="mt-1 font-medium">{t('import.errorsTitle', { count: shown.importErrors.length })}</p>
                <ul className="mt-1 list-disc pl-5" data-testid="benchmark-import-errors">
                  {shown.importErrors.map((error, index) => (
                    <li key={index}>
                      {error.subject ? `${error.subject}` : ''}
                      {error.kind ? ` · ${t(`kinds.${error.kind}`)}` : ''}
                      {error.subject || error.kind ? '，' : ''}
                      {error.row > 0 ? t('import.row', { row: error.row }) : t('import.wholeFile')}
                      {error.column ? `（${error.column}）` : ''}：{error.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}

        {preview && preview.rows.length > 0 && !shown.ok && (
          <div data-testid="benchmark-import-preview">
            <h3 className="text-sm font-semibold">{t('import.previewTitle')}</h3>
            {changed.length > 0 && <PreviewTable rows={changed} />}
            {unchanged.length > 0 && (
              <details className="mt-2 text-sm" data-testid="benchmark-import-unchanged">
                <summary className="cursor-pointer text-slate-700">{t('import.unchanged', { count: unchanged.length })}</summary>
                <PreviewTable rows={unchanged} />
              </details>
            )}
            {canConfirm && <PreviewActions pending={pending} onCancel={dismiss} confirm={t('import.confirm', { count: preview.writes })} confirming={t('import.confirming')} cancel={t('import.cancel')} />}
          </div>
        )}
      </form>
    </div>
  );
}
