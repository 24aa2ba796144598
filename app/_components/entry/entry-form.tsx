'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { saveYearFigures, type EntryFormState } from '@/app/_actions/figures';
import { inputClass, primaryButtonClass, ResetSafeSelect, secondaryButtonClass, SubmitButton } from '@/app/_components/form-parts';
import { figureWarnings, formatNumber, formatPlanFigure, type IndicatorPlan } from '@/lib/progress';
import { COMMON_SOURCES, entryFieldName, type TypedEntryRow } from '@/lib/schemas/figure-entry';
import { parseFigure } from '@/lib/schemas/figure-value';
import { BindingBadge } from '@/app/_components/binding-badge';
import { FigureWarnings } from '@/app/_components/entry/figure-warnings';
import { entryRowId } from '@/lib/views/paths';

export interface EntryFormRow {
  id: number;
  sequence: number;
  category: string;
  name: string;
  unit: string;
  attribute: 'expected' | 'binding';
  kind: IndicatorPlan['kind'];
  decimals: number;
  plan: IndicatorPlan;
  previous: { year: number; value: number; approved: boolean } | null;
  current: { value: number; source: string | null; quality: 'preliminary' | 'final' | null; note: string | null; status: 'draft' | 'submitted' | 'approved' | 'returned'; version: number; reviewNote: string | null } | null;
  /** why the row cannot be edited here, if it cannot */
  locked: 'approved' | 'notYours' | 'archived' | null;
}

const STATUS_STYLES = {
  none: 'bg-slate-100 text-slate-700',
  draft: 'bg-amber-50 text-amber-900 ring-1 ring-amber-300',
  submitted: 'bg-blue-50 text-blue-900 ring-1 ring-blue-300',
  approved: 'bg-green-50 text-green-900 ring-1 ring-green-300',
  returned: 'bg-red-50 text-red-900 ring-1 ring-red-300',
} as const;

function initialRow(row: EntryFormRow): TypedEntryRow {
  return {
    value: row.current ? String(row.current.value) : '',
    source: row.current?.source ?? '',
    quality: row.current?.quality ?? '',
    note: row.current?.note ?? '',
    version: String(row.current?.version ?? 0),
  };
}

export function EntryForm({ planSlug, year, rows, readOnly }: { planSlug: string; year: number; rows: EntryFormRow[]; readOnly: boolean }) {
  const t = useTranslations('entry');
  const tMessages = useTranslations('entryMessages');
  const [state, formAction] = useActionState<EntryFormState, FormData>(saveYearFigures, {});
  const [typed, setTyped] = useState<Record<number, TypedEntryRow>>(() => Object.fromEntries(rows.map((r) => [r.id, initialRow(r)])));
  // rows whose warnings the person confirmed (我已核实, one per row); changing the value takes it back
  const [confirmed, setConfirmed] = useState<Set<number>>(new Set());
  const update = (id: number, field: keyof TypedEntryRow, value: string) => {
    setTyped((all) => ({ ...all, [id]: { ...all[id]!, [field]: value } }));
    if (field === 'value') setConfirmed((c) => (c.has(id) ? new Set([...c].filter((x) => x !== id)) : c));
  };
  const setConfirmedRow = (id: number, on: boolean) => setConfirmed((c) => (on ? new Set(c).add(id) : new Set([...c].filter((x) => x !== id))));
  // where the person clicked (a row's 提交此项, or the save bar), so the result appears there
  const [clicked, setClicked] = useState<string>('draft');
  const rememberClick = (event: React.MouseEvent<HTMLFormElement>) => {
    const button = (event.target as HTMLElement).closest('button[type="submit"]');
    if (button instanceof HTMLButtonElement) setClicked(button.value || 'draft');
  };
  const formRef = useRef<HTMLFormElement>(null);
  // the row a link named (#entry-row-N from 我的待办): highlighted, and its first field focused
  const [highlighted, setHighlighted] = useState<string | null>(null);
  useEffect(() => {
    const show = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const row = id.startsWith('entry-row-') ? document.getElementById(id) : null;
      if (!row) return;
      setHighlighted(id);
      row.scrollIntoView({ block: 'center' });
      const field = row.querySelector<HTMLElement>('input:not([type="hidden"]), select, button');
      (field ?? row).focus({ preventScroll: true });
    };
    show();
    window.addEventListener('hashchange', show);
    return () => window.removeEventListener('hashchange', show);
  }, []);
  // After a refused save, focus moves to the first field to fix (or confirm); otherwise to the message.
  useEffect(() => {
    if (!state.message) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!state.ok && invalid) invalid.focus();
    else document.getElementById('entry-result')?.focus();
  }, [state]);

  const live = rows.map((row) => {
    const input = typed[row.id]!;
    const text = input.value.trim();
    const parsed = text === '' ? null : parseFigure(text, row);
    const changed = row.current ? text !== String(row.current.value) : text !== '';
    const warnings = parsed?.ok && changed ? figureWarnings(row.plan, parsed.value, row.previous) : [];
    return { row, input, parsed, warnings };
  });
  const editableCount = rows.filter((r) => !r.locked).length;
  const rowOfClick = clicked.startsWith('submit:') ? Number(clicked.slice(7)) : null;
  const message = state.message && (
    <div id="entry-result" tabIndex={-1} role={state.ok ? 'status' : 'alert'} className={`rounded px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}>
      {tMessages(state.message)}
      {state.conflicts && (
        <button type="button" onClick={() => window.location.reload()} className="ml-2 underline">
          {t('reload')}
        </button>
      )}
    </div>
  );

  return (
    <form ref={formRef} action={formAction} onClick={rememberClick} className="space-y-4" noValidate>
      {/* Enter in a field saves a draft: the first submit button of a form is its default one. */}
      <button type="submit" name="intent" value="draft" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="year" value={year} />
      {(readOnly || editableCount === 0) && message}

      <ol className="space-y-3">
        {live.map(({ row, input, parsed, warnings }) => {
          const status = row.current?.status ?? 'none';
          const serverErrors = state.rowErrors?.[row.id];
          const valueError = parsed && !parsed.ok ? parsed : serverErrors?.value ? { code: serverErrors.value.code, decimals: serverErrors.value.decimals } : null;
          const conflict = state.conflicts?.[row.id];
          const valueId = `value-${row.id}`;
          const describedBy = [valueError && `${valueId}-error`, warnings.length > 0 && `${valueId}-warnings`].filter(Boolean).join(' ') || undefined;
          const serverWarnings = state.warnings?.[row.id];
          const shownWarnings = warnings.length > 0 ? warnings : (serverWarnings ?? []);
          const needsConfirm = serverWarnings !== undefined && !confirmed.has(row.id);
          const disabled = readOnly || row.locked !== null;
          return (
            <li
              key={row.id}
              id={entryRowId(row.sequence)}
              tabIndex={-1}
              data-highlighted={highlighted === entryRowId(row.sequence) ? 'true' : undefined}
              className="scroll-mt-4 rounded border border-slate-300 bg-white p-3 outline-none data-[highlighted=true]:border-amber-500 data-[highlighted=true]:bg-amber-50/40 data-[highlighted=true]:ring-2 data-[highlighted=true]:ring-amber-400"
              data-testid={`entry-row-${row.sequence}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 className="font-medium">
                  {row.sequence}.{row.name}（{row.unit}）
                  <BindingBadge attribute={row.attribute} />
                </h3>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`}>{t(`status.${status}`)}</span>
              </div>
              <p className="mt-0.5 text-xs text-slate-600">
                {row.category} · {t('planBaseline')} {formatPlanFigure(row.plan.baseline)} · {row.kind === 'growthRate' ? t('planRate', { rate: formatPlanFigure(row.plan.annualRate) }) : `${t('planTarget')} ${formatPlanFigure(row.plan.target)}`}
                {' · '}
                {row.previous
                  ? `${t('previous', { year: row.previous.year })} ${formatNumber(row.previous.value, row.decimals)}${row.previous.approved ? '' : t('previousUnapproved')}`
                  : t('previousNone')}
              </p>
              {row.current?.reviewNote && status === 'returned' && <p className="mt-1 rounded bg-red-50 px-2 py-1 text-sm text-red-900">{t('returnedReason', { reason: row.current.reviewNote })}</p>}
              {row.current?.reviewNote && status === 'draft' && <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-sm text-amber-900">{t('unlockedReason', { reason: row.current.reviewNote })}</p>}
              {row.locked === 'approved' && <p className="mt-1 text-sm text-green-900">{t('locked')}</p>}
              {row.locked === 'notYours' && <p className="mt-1 text-sm text-slate-600">{t('notYours')}</p>}

              {disabled ? (
                <p className="mt-1 text-sm text-slate-800">
                  <span className="text-slate-600">{row.kind === 'growthRate' ? t('valueGrowth', { year }) : t('value', { year })}</span>{' '}
                  <span className="font-medium tabular-nums">{row.current ? formatNumber(row.current.value, row.decimals) : '—'}</span>
                  {row.current?.source && <> · {t('source')} {row.current.source}</>}
                  {row.current?.quality && <> · {t(`qualityOption.${row.current.quality}`)}</>}
                  {row.current?.note && <> · {t('note')} {row.current.note}</>}
                </p>
              ) : (
              <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-[10rem_1fr_8rem_1fr_auto] lg:items-start">
                <div>
                  <label htmlFor={valueId} className="block text-xs font-medium text-slate-700">
                    {row.kind === 'growthRate' ? t('valueGrowth', { year }) : t('value', { year })}
                  </label>
                    <input
                      id={valueId}
                      name={entryFieldName('value', row.id)}
                      inputMode="decimal"
                      autoComplete="off"
                      value={input.value}
                      onChange={(e) => update(row.id, 'value', e.target.value)}
                      aria-invalid={valueError ? true : undefined}
                      aria-describedby={describedBy}
                      className={`${inputClass} tabular-nums`}
                    />
                  <input type="hidden" name={entryFieldName('version', row.id)} value={row.current?.version ?? 0} />
                </div>
                <div>
                  <label htmlFor={`source-${row.id}`} className="block text-xs font-medium text-slate-700">{t('source')}</label>
                    <input id={`source-${row.id}`} name={entryFieldName('source', row.id)} list="figure-sources" value={input.source} onChange={(e) => update(row.id, 'source', e.target.value)} aria-invalid={serverErrors?.source ? true : undefined} className={inputClass} />
                  {serverErrors?.source && <p className="mt-1 text-sm text-red-700">{t('sourceError')}</p>}
                </div>
                <div>
                  <label htmlFor={`quality-${row.id}`} className="block text-xs font-medium text-slate-700">{t('quality')}</label>
                    <ResetSafeSelect id={`quality-${row.id}`} name={entryFieldName('quality', row.id)} value={input.quality} onChange={(e) => update(row.id, 'quality', e.target.value)} className={inputClass}>
                      <option value="">{t('qualityNone')}</option>
                      <option value="preliminary">{t('qualityOption.preliminary')}</option>
                      <option value="final">{t('qualityOption.final')}</option>
                    </ResetSafeSelect>
                </div>
                <div>
                  <label htmlFor={`note-${row.id}`} className="block text-xs font-medium text-slate-700">{t('note')}</label>
                    <input id={`note-${row.id}`} name={entryFieldName('note', row.id)} value={input.note} onChange={(e) => update(row.id, 'note', e.target.value)} aria-invalid={serverErrors?.note ? true : undefined} className={inputClass} />
                  {serverErrors?.note && <p className="mt-1 text-sm text-red-700">{t('noteError')}</p>}
                </div>
                {(status === 'draft' || status === 'returned' || status === 'none') && (
                  <div className="lg:pt-5">
                    <button type="submit" name="intent" value={`submit:${row.id}`} className={secondaryButtonClass}>
                      {t('submitOne')}
                    </button>
                  </div>
                )}
              </div>
              )}
              {valueError && (
                <p id={`${valueId}-error`} className="mt-1 text-sm text-red-700">
                  {t(`valueErrors.${valueError.code}`, { decimals: valueError.decimals ?? 0 })}
                </p>
              )}
              {shownWarnings.length > 0 && (
                <div id={`${valueId}-warnings`} className="mt-1 rounded border border-amber-300 bg-amber-50 px-2 py-1">
                  <FigureWarnings warnings={shownWarnings} kind={row.kind} decimals={row.decimals} className="space-y-0.5 text-sm text-amber-900" />
                  {!disabled && (
                    <label className="mt-1 flex items-center gap-2 text-sm font-medium text-amber-900">
                      <input
                        type="checkbox"
                        name={`confirm.${row.id}`}
                        className="h-4 w-4"
                        checked={confirmed.has(row.id)}
                        onChange={(e) => setConfirmedRow(row.id, e.target.checked)}
                        aria-invalid={needsConfirm ? true : undefined}
                        aria-describedby={`${valueId}-warnings`}
                      />
                      {t('confirmWarnings')}
                    </label>
                  )}
                  {needsConfirm && <p className="text-sm text-red-700">{t('confirmRequired')}</p>}
                </div>
              )}
              {rowOfClick === row.id && message}
              {conflict && (
                <p role="alert" className="mt-1 rounded bg-red-50 px-2 py-1 text-sm text-red-900">
                  {t('conflict', {
                    name: conflict.updatedByName ?? '—',
                    time: new Date(conflict.updatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
                    value: formatNumber(conflict.value, row.decimals),
                    version: conflict.version,
                  })}
                </p>
              )}
            </li>
          );
        })}
      </ol>

      <datalist id="figure-sources">
        {COMMON_SOURCES.map((source) => (
          <option key={source} value={source} />
        ))}
      </datalist>

      {!readOnly && editableCount > 0 && (
        <div className="sticky bottom-0 z-10 -mx-3 space-y-2 border-t border-slate-300 bg-slate-50 px-3 py-3 shadow-[0_-4px_8px_-4px_rgba(15,23,42,0.15)] sm:mx-0 sm:px-0">
          {rowOfClick === null && message}
          <div className="flex flex-wrap gap-2">
            <SubmitButton className={secondaryButtonClass} pendingLabel={t('saving')}>
              <span>{t('saveDraft')}</span>
            </SubmitButton>
            <button type="submit" name="intent" value="submit" className={primaryButtonClass}>
              {t('submitYear')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
