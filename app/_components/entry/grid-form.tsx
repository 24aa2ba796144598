'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { saveGridFigures, type GridFormState } from '@/app/_actions/figures';
import { FigureWarnings } from '@/app/_components/entry/figure-warnings';
import { primaryButtonClass, SubmitButton } from '@/app/_components/form-parts';
import { figureWarnings, formatNumber, type IndicatorPlan } from '@/lib/progress';
import { gridFieldName } from '@/lib/schemas/figure-entry';
import { parseFigure } from '@/lib/schemas/figure-value';

export interface GridCell {
  year: number;
  current: { value: number; status: 'draft' | 'submitted' | 'approved' | 'returned'; version: number } | null;
  /** the figure the warnings compare with (as on the entry form) */
  previous: { year: number; value: number; approved: boolean } | null;
  editable: boolean;
}

export interface GridRow {
  id: number;
  sequence: number;
  name: string;
  unit: string;
  kind: IndicatorPlan['kind'];
  decimals: number;
  plan: IndicatorPlan;
  cells: GridCell[];
}

/** Indicators × plan years: several years at once, with the entry form's parsing, warnings and version check. Saves drafts. */
export function GridForm({ planSlug, years, rows }: { planSlug: string; years: number[]; rows: GridRow[] }) {
  const t = useTranslations('entry');
  const tMessages = useTranslations('entryMessages');
  const [state, formAction] = useActionState<GridFormState, FormData>(saveGridFigures, {});
  const initial = () => Object.fromEntries(rows.flatMap((r) => r.cells.map((c) => [`${r.id}.${c.year}`, c.current ? String(c.current.value) : ''])));
  const [typed, setTyped] = useState<Record<string, string>>(initial);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.message) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid && !state.ok ? invalid : document.getElementById('grid-result'))?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="planSlug" value={planSlug} />
      <div role="region" aria-label={t('grid.tableLabel')} tabIndex={0} className="scroll-shadows overflow-x-auto rounded border border-slate-300">
        <table className="w-full border-collapse text-sm">
          <thead className="text-left text-slate-700">
            <tr>
              <th scope="col" className="sticky left-0 z-10 min-w-48 border-b border-slate-200 bg-slate-100 px-2 py-1.5 font-medium">{t('grid.indicator')}</th>
              {years.map((y) => <th key={y} scope="col" className="min-w-36 border-b border-slate-200 bg-slate-100 px-2 py-1.5 font-medium">{y}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <th scope="row" className="sticky left-0 z-10 border-b border-slate-200 bg-white px-2 py-1.5 text-left font-normal">
                  {row.sequence}.{row.name}（{row.unit}）
                </th>
                {row.cells.map((cell) => {
                  const key = `${row.id}.${cell.year}`;
                  const text = (typed[key] ?? '').trim();
                  const parsed = text === '' ? null : parseFigure(text, row);
                  const changed = cell.current ? text !== String(cell.current.value) : text !== '';
                  const live = parsed?.ok && changed ? figureWarnings(row.plan, parsed.value, cell.previous) : [];
                  const warnings = live.length > 0 ? live : (state.warnings?.[key] ?? []);
                  const error = parsed && !parsed.ok ? parsed : state.cellErrors?.[key];
                  const needsConfirm = state.warnings?.[key] !== undefined && !confirmed.has(key);
                  const conflict = state.conflicts?.[key];
                  const id = `grid-${row.id}-${cell.year}`;
                  return (
                    <td key={cell.year} className="border-b border-slate-200 px-2 py-1.5">
                      {cell.editable ? (
                        <>
                          <input
                            id={id}
                            name={gridFieldName('value', row.id, cell.year)}
                            inputMode="decimal"
                            autoComplete="off"
                            aria-label={`${cell.year}年 ${row.sequence}.${row.name}`}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={[error && `${id}-error`, warnings.length > 0 && `${id}-warnings`].filter(Boolean).join(' ') || undefined}
                            value={typed[key] ?? ''}
                            onChange={(e) => {
                              const value = e.target.value;
                              setTyped((all) => ({ ...all, [key]: value }));
                              setConfirmed((c) => (c.has(key) ? new Set([...c].filter((k) => k !== key)) : c));
                            }}
                            className="w-28 rounded border border-slate-300 px-2 py-1 tabular-nums aria-[invalid=true]:border-red-600"
                          />
                          <input type="hidden" name={gridFieldName('version', row.id, cell.year)} value={cell.current?.version ?? 0} />
                        </>
                      ) : (
                        <span className="tabular-nums">{cell.current ? formatNumber(cell.current.value, row.decimals) : '—'}</span>
                      )}
                      <span className="block text-xs text-slate-600">{t(`status.${cell.current?.status ?? 'none'}`)}</span>
                      {error && <p id={`${id}-error`} className="text-xs text-red-700">{t(`valueErrors.${error.code}`, { decimals: error.decimals ?? 0 })}</p>}
                      {warnings.length > 0 && (
                        <div id={`${id}-warnings`} className="mt-1 max-w-56 rounded bg-amber-50 px-1 py-0.5">
                          <FigureWarnings warnings={warnings} kind={row.kind} decimals={row.decimals} className="space-y-0.5 text-xs text-amber-900" />
                          <label className="flex items-center gap-1 text-xs font-medium text-amber-900">
                            <input
                              type="checkbox"
                              name={gridFieldName('confirm', row.id, cell.year)}
                              checked={confirmed.has(key)}
                              onChange={(e) => setConfirmed((c) => (e.target.checked ? new Set(c).add(key) : new Set([...c].filter((k) => k !== key))))}
                              aria-invalid={needsConfirm ? true : undefined}
                            />
                            {t('grid.confirm')}
                          </label>
                        </div>
                      )}
                      {conflict && <p role="alert" className="text-xs text-red-700">{t('grid.conflict', { name: conflict.updatedByName ?? '—', value: formatNumber(conflict.value, row.decimals) })}</p>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sticky bottom-0 z-20 space-y-2 border-t border-slate-300 bg-slate-50 py-3">
        {state.message && (
          <div id="grid-result" tabIndex={-1} role={state.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}>
            {tMessages(state.message)}
          </div>
        )}
        <SubmitButton className={primaryButtonClass} pendingLabel={t('saving')}>
          <span>{t('saveDraft')}</span>
        </SubmitButton>
      </div>
    </form>
  );
}
