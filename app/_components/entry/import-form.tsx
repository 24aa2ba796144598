'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, type FormEvent } from 'react';
import { importFigureWorkbook, type ImportFormState } from '@/app/_actions/figures';
import { secondaryButtonClass, SubmitButton } from '@/app/_components/form-parts';
import { FIGURE_UPLOAD_MAX_BYTES, FIGURE_UPLOAD_MAX_MB, fileWithinLimit } from '@/lib/schemas/uploads';

export function ImportForm({ planSlug, year }: { planSlug: string; year: number }) {
  const t = useTranslations('entry');
  const tMessages = useTranslations('entryMessages');
  const [state, formAction] = useActionState<ImportFormState, FormData>(importFigureWorkbook, {});
  // A file over the limit is answered here, before sending (the server checks again).
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get('file');
    const within = fileWithinLimit(file instanceof File ? file : null, FIGURE_UPLOAD_MAX_BYTES);
    setTooLarge(!within);
    if (!within) event.preventDefault();
  };
  const shown: ImportFormState = tooLarge ? { message: 'import.tooLarge' } : state;
  return (
    <section aria-labelledby="excel-title" className="rounded border border-slate-300 bg-white p-3">
      <h2 id="excel-title" className="font-semibold">{t('excelTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('excelIntro')}</p>
      <a href={`/plans/${planSlug}/entry/${year}/template`} className={`${secondaryButtonClass} mt-2 inline-block`} download>
        {t('downloadTemplate', { year })}
      </a>
      <form action={formAction} onSubmit={checkSize} className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="planSlug" value={planSlug} />
        <input type="hidden" name="year" value={year} />
        <label className="text-sm">
          <span className="block text-xs font-medium text-slate-700">{t('uploadLabel')}</span>
          <input type="file" name="file" onChange={() => setTooLarge(false)} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="mt-1 text-sm" />
        </label>
        <SubmitButton className={secondaryButtonClass} pendingLabel={t('uploading')}>
          {t('upload')}
        </SubmitButton>
      </form>
      {shown.message && (
        <div role={shown.ok ? 'status' : 'alert'} className={`mt-2 rounded px-3 py-2 text-sm ${shown.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}>
          <p>{tMessages(shown.message, { created: shown.created ?? 0, updated: shown.updated ?? 0, max: FIGURE_UPLOAD_MAX_MB })}</p>
          {shown.importErrors && (
            <ul className="mt-1 list-disc pl-5">
              {shown.importErrors.map((error, index) => (
                <li key={index}>
                  {error.row > 0 ? t('importRow', { row: error.row }) : t('importFile')}
                  {error.column ? `（${error.column}）` : ''}：{error.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
