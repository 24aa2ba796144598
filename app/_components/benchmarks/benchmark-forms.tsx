'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import {
  removeSourceValueAction,
  reviewBenchmarkAction,
  saveCountyEvaluationAction,
  saveReferenceValueAction,
  saveSeriesFigureAction,
  saveSourceRuleAction,
  saveSourceValueAction,
} from '@/app/_actions/benchmarks';
import { inputClass, labelClass, primaryButtonClass, ResetSafeSelect, secondaryButtonClass } from '@/app/_components/form-parts';
import type { FormState } from '@/lib/schemas/form-state';

type Tb = ReturnType<typeof useTranslations<'benchmarks'>>;

function Message({ state, t }: { state: FormState; t: Tb }) {
  if (!state.message) return null;
  const key = `messages.${state.message}`;
  const text = t.has(key) ? t(key, { value: state.values?.currentValue ?? '—', by: state.values?.currentBy ?? '—' }) : state.message;
  return <p role={state.ok ? 'status' : 'alert'} className={`text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>{text}</p>;
}

function FieldError({ state, field, t, id }: { state: FormState; field: string; t: Tb; id: string }) {
  const code = state.errors?.[field]?.[0];
  if (!code) return null;
  const key = `errors.${code}`;
  return <p id={id} className="text-sm text-red-700">{t.has(key) ? t(key) : code}</p>;
}

const invalid = (state: FormState, field: string) => (state.errors?.[field] ? true : undefined);

/**
 * One labelled text field of these forms: the label, the input (what was typed comes back in
 * `defaultValue` after a refusal), aria-invalid and the message beside it. `inline` is the small label of
 * the one-line forms (review, rule); otherwise the label sits above the field in the forms' grid.
 */
function Field({
  state,
  t,
  idPrefix,
  name,
  label,
  defaultValue,
  inputMode,
  className = '',
  inputClassName = '',
  inline = false,
}: {
  state: FormState;
  t: Tb;
  idPrefix: string;
  name: string;
  label: string;
  defaultValue?: string;
  inputMode?: 'numeric' | 'decimal';
  className?: string;
  inputClassName?: string;
  inline?: boolean;
}) {
  const errorId = `${idPrefix}-${name}-error`;
  const bad = invalid(state, name);
  return (
    <label className={`${inline ? 'text-sm' : 'space-y-1'} ${className}`.trim()}>
      <span className={inline ? 'block text-xs text-slate-700' : labelClass}>{label}</span>
      <input name={name} inputMode={inputMode} defaultValue={defaultValue} className={`${inputClass} ${inputClassName}`.trim()} aria-invalid={bad} aria-describedby={bad ? errorId : undefined} />
      <FieldError state={state} field={name} t={t} id={errorId} />
    </label>
  );
}

/** 保存草稿 / 提交审核 and the answer, at the foot of an entry form. */
function DraftSubmitButtons({ state, t, pending, className }: { state: FormState; t: Tb; pending: boolean; className: string }) {
  return (
    <div className={`flex flex-wrap items-center gap-2 ${className}`}>
      <button type="submit" name="intent" value="draft" disabled={pending} className={secondaryButtonClass}>{t('saveDraft')}</button>
      <button type="submit" name="intent" value="submit" disabled={pending} className={primaryButtonClass}>{t('submit')}</button>
      <Message state={state} t={t} />
    </div>
  );
}

export interface SubjectOption {
  value: string;
  label: string;
  group: 'indicator' | 'series';
}

/** Staff enter a reference value (对标值) with its source; a new one starts at version 0. */
export function ReferenceValueForm({ planSlug, subjects, kinds, defaultYear }: { planSlug: string; subjects: SubjectOption[]; kinds: string[]; defaultYear: number }) {
  const t = useTranslations('benchmarks');
  const [state, action, pending] = useActionState<FormState, FormData>(saveReferenceValueAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  // selects are controlled: React's form reset after an action would put them back to the page-load option
  const [subject, setSubject] = useState(subjects[0]?.value ?? '');
  const [kind, setKind] = useState('provinceBest');
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('enterTitle')}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="baseVersion" value={v.currentVersion ?? v.baseVersion ?? '0'} />
      <label className="space-y-1">
        <span className={labelClass}>{t('subjectLabel')}</span>
        <ResetSafeSelect name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} className={inputClass} aria-invalid={invalid(state, 'subject')}>
          <optgroup label={t('subject')}>{subjects.filter((s) => s.group === 'indicator').map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}</optgroup>
          <optgroup label={t('series')}>{subjects.filter((s) => s.group === 'series').map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}</optgroup>
        </ResetSafeSelect>
        <FieldError state={state} field="subject" t={t} id="rv-subject-error" />
      </label>
      <label className="space-y-1">
        <span className={labelClass}>{t('kindLabel')}</span>
        <ResetSafeSelect name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
          {kinds.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
        </ResetSafeSelect>
      </label>
      <Field state={state} t={t} idPrefix="rv" name="year" label={t('year')} inputMode="numeric" defaultValue={v.year ?? String(defaultYear)} />
      <Field state={state} t={t} idPrefix="rv" name="value" label={t('valueLabel')} inputMode="decimal" defaultValue={v.value} />
      <Field state={state} t={t} idPrefix="rv" name="source" label={t('sourceLabel')} defaultValue={v.source} className="sm:col-span-2" />
      <Field state={state} t={t} idPrefix="rv" name="note" label={t('noteLabel')} defaultValue={v.note} className="sm:col-span-2 lg:col-span-3" />
      <DraftSubmitButtons state={state} t={t} pending={pending} className="sm:col-span-2 lg:col-span-3" />
    </form>
  );
}

/** Staff enter the county evaluation result of a year. */
export function CountyEvaluationForm({ planSlug, defaultYear }: { planSlug: string; defaultYear: number }) {
  const t = useTranslations('benchmarks');
  const [state, action, pending] = useActionState<FormState, FormData>(saveCountyEvaluationAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  const [grade, setGrade] = useState('');
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('enterCounty')}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="baseVersion" value={v.currentVersion ?? v.baseVersion ?? '0'} />
      <Field state={state} t={t} idPrefix="ce" name="year" label={t('year')} inputMode="numeric" defaultValue={v.year ?? String(defaultYear)} />
      <Field state={state} t={t} idPrefix="ce" name="provinceRank" label={t('provinceRank')} inputMode="numeric" defaultValue={v.provinceRank} />
      <label className="space-y-1">
        <span className={labelClass}>{t('grade')}</span>
        <ResetSafeSelect name="grade" value={grade} onChange={(e) => setGrade(e.target.value)} className={inputClass}>
          <option value="">—</option><option value="A">A</option><option value="B">B</option><option value="C">C</option>
        </ResetSafeSelect>
      </label>
      <Field state={state} t={t} idPrefix="ce" name="score" label={t('score')} inputMode="decimal" defaultValue={v.score} />
      <Field state={state} t={t} idPrefix="ce" name="source" label={t('sourceLabel')} defaultValue={v.source} className="sm:col-span-2" />
      <Field state={state} t={t} idPrefix="ce" name="note" label={t('noteLabel')} defaultValue={v.note} className="sm:col-span-2" />
      <DraftSubmitButtons state={state} t={t} pending={pending} className="sm:col-span-2 lg:col-span-4" />
    </form>
  );
}

/** A reviewer approves or returns a submitted reference value, series figure or county evaluation. */
export function BenchmarkReviewForm({ entity, id, version, label }: { entity: string; id: number; version: number; label: string }) {
  const t = useTranslations('benchmarks');
  const [state, action, pending] = useActionState<FormState, FormData>(reviewBenchmarkAction, {});
  if (state.ok) return <Message state={state} t={t} />;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={label}>
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field state={state} t={t} idPrefix={`br-${id}`} name="reason" label={t('reason')} defaultValue={state.values?.reason} inputClassName="w-48" inline />
      <button type="submit" name="decision" value="approve" disabled={pending} className={primaryButtonClass}>{t('approve')}</button>
      <button type="submit" name="decision" value="return" disabled={pending} className={secondaryButtonClass}>{t('return')}</button>
      <Message state={state} t={t} />
    </form>
  );
}

/** Staff add a figure's value in a further source (核对). */
export function SourceValueForm({ planSlug, figures }: { planSlug: string; figures: { id: number; version: number; label: string }[] }) {
  const t = useTranslations('benchmarks');
  const [state, action, pending] = useActionState<FormState, FormData>(saveSourceValueAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  // the figure by id; its version is read from the latest props when sending (a saved source raises it)
  const [figure, setFigure] = useState(figures[0] ? String(figures[0].id) : '');
  return (
    <form
      action={(data: FormData) => {
        const chosen = figures.find((f) => String(f.id) === String(data.get('figure') ?? ''));
        data.set('observationId', chosen ? String(chosen.id) : '');
        data.set('figureVersion', chosen ? String(chosen.version) : '');
        return action(data);
      }}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      aria-label={t('addSource')}
    >
      <input type="hidden" name="planSlug" value={planSlug} />
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('figureLabel')}</span>
        <ResetSafeSelect name="figure" value={figure} onChange={(e) => setFigure(e.target.value)} className={inputClass}>
          {figures.map((f) => <option key={f.id} value={String(f.id)}>{f.label}</option>)}
        </ResetSafeSelect>
      </label>
      <Field state={state} t={t} idPrefix="sv" name="sourceName" label={t('sourceName')} defaultValue={v.sourceName ?? '税务部门'} />
      <Field state={state} t={t} idPrefix="sv" name="value" label={t('valueLabel')} inputMode="decimal" defaultValue={v.value} />
      <Field state={state} t={t} idPrefix="sv" name="source" label={t('sourceDocument')} defaultValue={v.source} className="sm:col-span-2" />
      <Field state={state} t={t} idPrefix="sv" name="note" label={t('noteLabel')} defaultValue={v.note} className="sm:col-span-2" />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" disabled={pending} className={primaryButtonClass}>{t('addSource')}</button>
        <Message state={state} t={t} />
      </div>
    </form>
  );
}

export function RemoveSourceValueButton({ planSlug, observationId, figureVersion, sourceName }: { planSlug: string; observationId: number; figureVersion: number; sourceName: string }) {
  const t = useTranslations('benchmarks');
  const [state, action, pending] = useActionState<FormState, FormData>(removeSourceValueAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="observationId" value={observationId} />
      <input type="hidden" name="figureVersion" value={figureVersion} />
      <input type="hidden" name="sourceName" value={sourceName} />
      <button type="submit" disabled={pending} className="text-xs text-brand-700 underline">{t('remove')}</button>
      {state.message && !state.ok && <Message state={state} t={t} />}
    </form>
  );
}

/** An admin sets an indicator's 主口径 and tolerance. */
export function SourceRuleForm({ indicatorId, primarySource, toleranceMode, tolerancePct }: { indicatorId: number; primarySource: string; toleranceMode: 'absolute' | 'relative'; tolerancePct: string }) {
  const t = useTranslations('benchmarks');
  const [state, action, pending] = useActionState<FormState, FormData>(saveSourceRuleAction, {});
  const v = state.values ?? {};
  const [mode, setMode] = useState<string>(toleranceMode);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={t('ruleTitle')}>
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <Field state={state} t={t} idPrefix={`rule-${indicatorId}`} name="primarySource" label={t('primarySource')} defaultValue={v.primarySource ?? primarySource} inputClassName="w-32" inline />
      <label className="text-sm">
        <span className="block text-xs text-slate-700">{t('toleranceMode')}</span>
        <ResetSafeSelect name="toleranceMode" value={mode} onChange={(e) => setMode(e.target.value)} className={inputClass}>
          <option value="relative">{t('modeRelative')}</option>
          <option value="absolute">{t('modeAbsolute')}</option>
        </ResetSafeSelect>
      </label>
      <Field state={state} t={t} idPrefix={`rule-${indicatorId}`} name="tolerance" label={t('toleranceValue')} inputMode="decimal" defaultValue={v.tolerance ?? tolerancePct} inputClassName="w-24" inline />
      <Field state={state} t={t} idPrefix={`rule-${indicatorId}`} name="reason" label={t('ruleReason')} defaultValue={v.reason} inputClassName="w-48" inline />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('saveRule')}</button>
      <Message state={state} t={t} />
    </form>
  );
}

/** Staff enter a supplementary series' yearly figure (监测指标). */
export function SeriesFigureForm({ planSlug, series, defaultYear }: { planSlug: string; series: { id: number; label: string }[]; defaultYear: number }) {
  const t = useTranslations('benchmarks');
  const [state, action, pending] = useActionState<FormState, FormData>(saveSeriesFigureAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  const [seriesId, setSeriesId] = useState(series[0] ? String(series[0].id) : '');
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('enterSeries')}>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="baseVersion" value={v.currentVersion ?? '0'} />
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('series')}</span>
        <ResetSafeSelect name="seriesId" value={seriesId} onChange={(e) => setSeriesId(e.target.value)} className={inputClass}>
          {series.map((s) => <option key={s.id} value={String(s.id)}>{s.label}</option>)}
        </ResetSafeSelect>
      </label>
      <Field state={state} t={t} idPrefix="sf" name="year" label={t('year')} inputMode="numeric" defaultValue={v.year ?? String(defaultYear)} />
      <Field state={state} t={t} idPrefix="sf" name="value" label={t('valueLabel')} inputMode="decimal" defaultValue={v.value} />
      <Field state={state} t={t} idPrefix="sf" name="source" label={t('sourceLabel')} defaultValue={v.source} className="sm:col-span-2" />
      <Field state={state} t={t} idPrefix="sf" name="note" label={t('noteLabel')} defaultValue={v.note} className="sm:col-span-2" />
      <DraftSubmitButtons state={state} t={t} pending={pending} className="sm:col-span-2 lg:col-span-4" />
    </form>
  );
}
