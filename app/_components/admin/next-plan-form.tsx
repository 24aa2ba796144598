'use client';

import { useActionState, useState } from 'react';
import { createNextPlanAction, type NextPlanFormState } from '@/app/_actions/next-plan';
import { PROPOSAL_KIND_LABELS_ZH } from '@/lib/progress';
import type { NextPlanDefaults, NextPlanRow } from '@/lib/views/next-plan';
import { inputClass, labelClass, SubmitButton } from '../form-parts';

const FIELDS: { key: keyof NextPlanDefaults; label: string }[] = [
  { key: 'name', label: '规划名称' },
  { key: 'shortName', label: '简称' },
  { key: 'slug', label: '标识（网址用）' },
  { key: 'region', label: '地区' },
  { key: 'baseYear', label: '基期年' },
  { key: 'firstYear', label: '起始年' },
  { key: 'lastYear', label: '目标年' },
  { key: 'sourceDocument', label: '来源文件' },
];

/**
 * The proposals per indicator and the new plan's fields. A target field starts empty: the proposals are
 * reference values, and only what the admin types or adopts (采用) becomes a target.
 */
export function NextPlanForm({ sourceSlug, defaults, rows }: { sourceSlug: string; defaults: NextPlanDefaults; rows: NextPlanRow[] }) {
  const [state, create] = useActionState<NextPlanFormState, FormData>(createNextPlanAction, {});
  const [targets, setTargets] = useState<Record<number, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.indicatorId, state.values?.[`target.${r.indicatorId}`] ?? ''])),
  );
  const error = (field: string) => state.errors?.[field]?.join('；');
  const value = (field: string, fallback: string | number) => state.values?.[field] ?? String(fallback);
  return (
    <form action={create} className="space-y-4">
      <input type="hidden" name="sourceSlug" value={sourceSlug} />
      <fieldset className="grid gap-3 rounded border border-slate-300 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold">新规划</legend>
        {FIELDS.map(({ key, label }) => (
          <div key={key}>
            <label htmlFor={`next-${key}`} className={labelClass}>{label}</label>
            <input id={`next-${key}`} name={key} defaultValue={value(key, defaults[key])} className={inputClass} aria-invalid={error(key) ? true : undefined} />
            {error(key) && <p className="mt-1 text-sm text-red-700">{error(key)}</p>}
          </div>
        ))}
      </fieldset>

      <div className="overflow-x-auto rounded border border-slate-300 bg-white">
        <table className="w-full min-w-[880px] text-sm">
          <caption className="p-2 text-left font-semibold">各指标测算参考值（{defaults.lastYear}年）与新规划目标</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="p-2">指标（单位）</th>
              <th scope="col" className="p-2">新基数</th>
              {(rows[0]?.cells ?? []).map((c) => <th key={c.kind} scope="col" className="p-2">{PROPOSAL_KIND_LABELS_ZH[c.kind]}</th>)}
              <th scope="col" className="p-2">新规划目标</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const id = `target-${row.indicatorId}`;
              const field = `target.${row.indicatorId}`;
              const typed = targets[row.indicatorId] ?? '';
              // Worse than the new baseline: below it for a higher-is-better indicator, above it for a lower-is-better one.
              const number = typed.trim() === '' ? NaN : Number(typed);
              const below = row.baselineValue !== null && Number.isFinite(number) && (row.direction === 'down' ? number > row.baselineValue : number < row.baselineValue);
              return (
                <tr key={row.indicatorId} className="border-t border-slate-200 align-top" data-testid={`next-row-${row.sequence}`}>
                  <th scope="row" className="p-2 text-left font-normal">
                    {row.sequence}. {row.name}（{row.unit}）
                    {row.notes.length > 0 && <ul className="mt-1 list-disc pl-4 text-xs text-amber-800">{row.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
                  </th>
                  <td className="p-2 tabular-nums">
                    {row.baselineText}
                    {row.baselineYear !== null && <span className="block text-xs text-slate-600">{row.baselineYear}年{row.baselineFromEarlierYear ? '（非基期年）' : ''}</span>}
                  </td>
                  {row.cells.map((c) => (
                    <td key={c.kind} className="p-2 tabular-nums">
                      <span className={c.worse ? 'font-semibold text-red-800' : ''}>{c.text}</span>
                      {c.worse && <span className="block text-xs text-red-800">低于新基数</span>}
                      {c.rate && <span className="block text-xs text-slate-600">{c.rate}</span>}
                      {c.text !== '—' && (
                        <button
                          type="button"
                          className="mt-1 rounded border border-slate-300 px-1.5 py-0.5 text-xs hover:bg-slate-100"
                          aria-label={`采用${PROPOSAL_KIND_LABELS_ZH[c.kind]}参考值作为“${row.name}”的目标`}
                          onClick={() => setTargets((t) => ({ ...t, [row.indicatorId]: c.text.replace(/,/g, '') }))}
                        >
                          采用
                        </button>
                      )}
                    </td>
                  ))}
                  <td className="p-2">
                    <label htmlFor={id} className="sr-only">“{row.name}”的新规划{row.targetField === 'annualRate' ? '年均增长率' : '目标值'}</label>
                    <input
                      id={id}
                      name={field}
                      inputMode="decimal"
                      value={typed}
                      onChange={(e) => setTargets((t) => ({ ...t, [row.indicatorId]: e.target.value }))}
                      placeholder="未填写"
                      className={`${inputClass} w-28`}
                      aria-invalid={error(field) ? true : undefined}
                    />
                    <span className="block text-xs text-slate-600">{row.targetField === 'annualRate' ? '年均增长（%）' : row.unit}</span>
                    {below && <span className="block text-xs font-semibold text-red-800">{row.direction === 'down' ? '高于新基数' : '低于新基数'}</span>}
                    {error(field) && <span className="block text-xs text-red-700">{error(field)}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="正在创建…">创建新规划</SubmitButton>
        {state.message && <p role="alert" className="text-sm text-red-700">{state.message}</p>}
      </div>
    </form>
  );
}
