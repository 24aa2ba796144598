'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { approveFigureBatch, type BatchApproveState } from '@/app/_actions/review';
import { FigureWarnings } from '@/app/_components/entry/figure-warnings';
import { ReviewForm } from '@/app/_components/entry/review-item';
import { primaryButtonClass } from '@/app/_components/form-parts';
import type { FigureWarning, IndicatorKind } from '@/lib/progress';

/** One queue item as the browser needs it (texts already formatted on the server). */
export interface ReviewBoardItem {
  id: number;
  version: number;
  status: 'submitted' | 'returned' | 'approved';
  year: number;
  /** "2023 3.高新技术企业数量" — names the item for the checkbox and the forms */
  label: string;
  planName: string;
  category: string;
  unit: string | null;
  responsibleUnit: string | null;
  indicatorName: string;
  sequence: number;
  indicatorHref: string;
  value: string;
  previous: string | null;
  submittedAt: string | null;
  submittedBy: string | null;
  earlierReturn: { reason: string | null; at: string; by: string } | null;
  details: string | null;
  warnings: FigureWarning[];
  /** 核对: the source-mismatch box the reviewer must tick before approving (rendered on the server), or null */
  acknowledgement?: React.ReactNode;
  kind: IndicatorKind;
  decimals: number;
}

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

const STATUS_STYLES = {
  submitted: 'bg-blue-50 text-blue-900 ring-1 ring-blue-300',
  approved: 'bg-green-50 text-green-900 ring-1 ring-green-300',
  returned: 'bg-red-50 text-red-900 ring-1 ring-red-300',
} as const;

/**
 * The review queue: each item with its warnings, submission and earlier return; a checkbox per
 * submitted item, select-all, and batch approval in which every chosen item with warnings needs its own
 * 我已核实 (the server checks it again). Single items keep their own approve / return form.
 */
export function ReviewBoard({ items }: { items: ReviewBoardItem[] }) {
  const t = useTranslations('review');
  const tEntry = useTranslations('entry');
  const tMessages = useTranslations('entryMessages');
  const [state, formAction, pending] = useActionState<BatchApproveState, FormData>(approveFigureBatch, {});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirmed, setConfirmed] = useState<Set<number>>(new Set());
  const messageRef = useRef<HTMLDivElement>(null);

  const done = (id: number) => state.results?.[id] === 'approved';
  const selectable = items.filter((i) => i.status === 'submitted' && !done(i.id));
  const chosen = selectable.filter((i) => selected.has(i.id));
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;
  const toggle = (set: Set<number>, id: number, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  // After a batch: move focus to the first item still needing confirmation, else to the result message.
  useEffect(() => {
    if (!state.message) return;
    const first = state.unconfirmed?.[0];
    const target = first !== undefined ? document.getElementById(`confirm-${first}`) : messageRef.current;
    target?.focus();
  }, [state]);

  return (
    <div className="space-y-3">
      {selectable.length > 0 && (
        <form id="batch-approve" action={formAction} className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white p-3 shadow-sm" aria-label={t('batch.label')}>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={allChosen}
              ref={(el) => {
                if (el) el.indeterminate = chosen.length > 0 && !allChosen;
              }}
              onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((i) => i.id)) : new Set())}
            />
            {t('batch.selectAll', { count: selectable.length })}
          </label>
          <span className="text-sm text-slate-700" aria-live="polite">{t('batch.selected', { count: chosen.length })}</span>
          {chosen.map((i) => (
            <input key={i.id} type="hidden" name="item" value={`${i.id}:${i.version}`} />
          ))}
          {chosen.filter((i) => confirmed.has(i.id)).map((i) => (
            <input key={i.id} type="hidden" name="confirm" value={i.id} />
          ))}
          <button type="submit" disabled={pending || chosen.length === 0} className={`${primaryButtonClass} disabled:cursor-not-allowed`}>
            {pending ? t('batch.approving') : t('batch.approve', { count: chosen.length })}
          </button>
          {chosen.some((i) => i.warnings.length > 0) && (
            <p className="w-full text-xs text-amber-900">{t('batch.warningsHint', { count: chosen.filter((i) => i.warnings.length > 0 && !confirmed.has(i.id)).length })}</p>
          )}
          {state.message && (
            <div ref={messageRef} tabIndex={-1} role={state.ok ? 'status' : 'alert'} className={`w-full rounded px-3 py-2 text-sm ${state.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}>
              {tMessages(state.message, { approved: state.approved ?? 0, refused: state.refusedCount ?? 0, count: state.unconfirmed?.length ?? 0 })}
            </div>
          )}
        </form>
      )}

      <ul className="space-y-3">
        {items.map((item) => {
          const result = state.results?.[item.id];
          const needsConfirm = state.unconfirmed?.includes(item.id) && !confirmed.has(item.id);
          const checkboxId = `select-${item.id}`;
          return (
            <li key={item.id} className="grid grid-cols-[auto_1fr] gap-3 rounded border border-slate-300 bg-white p-3 md:grid-cols-[auto_1fr_20rem]" data-testid={`review-${item.sequence}-${item.year}`}>
              <div className="pt-1">
                {item.status === 'submitted' && !done(item.id) && (
                  <input
                    id={checkboxId}
                    type="checkbox"
                    className="h-5 w-5"
                    checked={selected.has(item.id)}
                    onChange={(e) => setSelected((s) => toggle(s, item.id, e.target.checked))}
                    aria-label={t('batch.select', { label: item.label })}
                  />
                )}
              </div>
              <div className="min-w-0 space-y-1">
                <p className="text-xs text-slate-600">
                  {item.planName} · {item.category}
                  {item.responsibleUnit && <> · {t('unit')}：{item.responsibleUnit}</>}
                </p>
                <h2 className="flex flex-wrap items-center gap-2 font-medium">
                  <span>
                    <Link href={item.indicatorHref} className="text-brand-700 underline">{item.sequence}.{item.indicatorName}</Link>
                    {item.unit && `（${item.unit}）`}
                  </span>
                  <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLES[item.status]}`}>{tEntry(`status.${item.status}`)}</span>
                </h2>
                <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                  <div><dt className="text-xs text-slate-600">{t('year')}</dt><dd>{item.year}</dd></div>
                  <div><dt className="text-xs text-slate-600">{t('value')}</dt><dd className="text-base font-semibold tabular-nums">{item.value}</dd></div>
                  <div><dt className="text-xs text-slate-600">{t('previous')}</dt><dd className="tabular-nums">{item.previous ?? '—'}</dd></div>
                  <div>
                    <dt className="text-xs text-slate-600">{t('submittedBy')}</dt>
                    <dd>
                      {item.submittedBy ?? '—'}
                      {item.submittedAt && <span className="block text-xs text-slate-600">{t('submittedAt', { time: time(item.submittedAt) })}</span>}
                    </dd>
                  </div>
                </dl>
                {item.details && <p className="text-sm text-slate-700">{item.details}</p>}
                {item.earlierReturn && (
                  <p className="rounded bg-red-50 px-2 py-1 text-sm text-red-900">
                    {t('earlierReturn', { by: item.earlierReturn.by, time: time(item.earlierReturn.at), reason: item.earlierReturn.reason ?? '—' })}
                  </p>
                )}
                {item.warnings.length > 0 && (
                  <div className="rounded border border-amber-300 bg-amber-50 px-2 py-1">
                    <FigureWarnings id={`warnings-${item.id}`} warnings={item.warnings} kind={item.kind} decimals={item.decimals} className="space-y-0.5 text-sm text-amber-900" />
                    {item.status === 'submitted' && !done(item.id) && (
                      <label className="mt-1 flex items-center gap-2 text-sm font-medium text-amber-900">
                        <input
                          id={`confirm-${item.id}`}
                          type="checkbox"
                          className="h-4 w-4"
                          checked={confirmed.has(item.id)}
                          onChange={(e) => setConfirmed((s) => toggle(s, item.id, e.target.checked))}
                          aria-describedby={`warnings-${item.id}`}
                          aria-invalid={needsConfirm ? true : undefined}
                        />
                        {t('batch.confirm')}
                      </label>
                    )}
                    {needsConfirm && <p className="text-sm font-medium text-red-700">{t('batch.confirmRequired')}</p>}
                  </div>
                )}
                {result && (
                  <p role={result === 'approved' ? 'status' : 'alert'} className={`text-sm font-medium ${result === 'approved' ? 'text-green-800' : 'text-red-700'}`}>
                    {result === 'approved' ? tMessages('review.approved') : tMessages(`review.refused.${result}`)}
                  </p>
                )}
              </div>
              <div className="col-span-2 md:col-span-1">
                {item.status === 'submitted' && !done(item.id) && <ReviewForm id={item.id} version={item.version} label={item.label}>{item.acknowledgement}</ReviewForm>}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
