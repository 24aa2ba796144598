'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';

/**
 * Year and include-unapproved choice. A plain GET form (works without JavaScript through the submit
 * button); with JavaScript a change submits at once.
 */
export function ReportOptions({ action, years, year, includeUnapproved }: { action: string; years: number[]; year: number; includeUnapproved: boolean }) {
  const t = useTranslations('reports');
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <form ref={form} action={action} method="get" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <label className="flex items-center gap-2">
        <span>{t('year')}</span>
        <select name="year" defaultValue={year} onChange={submit} className="rounded border border-slate-300 bg-white px-2 py-1">
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="includeUnapproved" value="1" defaultChecked={includeUnapproved} onChange={submit} className="size-4" />
        <span>{t('includeUnapproved')}</span>
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">{t('apply')}</button>
    </form>
  );
}
