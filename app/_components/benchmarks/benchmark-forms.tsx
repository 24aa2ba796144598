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
      <label className="space-y-1">
        <span className={labelClass}>{t('year')}</span>
        <input name="year" inputMode="numeric" defaultValue={v.year ?? String(defaultYear)} className={inputClass} aria-invalid={invalid(state, 'year')} aria-describedby="rv-year-error" />
        <FieldError state={state} field="year" t={t} id="rv-year-error" />
      </label>
      <label className="space-y-1">
        <span className={labelClass}>{t('valueLabel')}</span>
        <input name="value" inputMode="decimal" defaultValue={v.value} className={inputClass} aria-invalid={invalid(state, 'value')} aria-describedby="rv-value-error" />
        <FieldError state={state} field="value" t={t} id="rv-value-error" />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('sourceLabel')}</span>
        <input name="source" defaultValue={v.source} className={inputClass} aria-invalid={invalid(state, 'source')} aria-describedby="rv-source-error" />
        <FieldError state={state} field="source" t={t} id="rv-source-error" />
      </label>
      <label className="space-y-1 sm:col-span-2 lg:col-span-3">
        <span className={labelClass}>{t('noteLabel')}</span>
        <input name="note" defaultValue={v.note} className={inputClass} />
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-3">
        <button type="submit" name="intent" value="draft" disabled={pending} className={secondaryButtonClass}>{t('saveDraft')}</button>
        <button type="submit" name="intent" value="submit" disabled={pending} className={primaryButtonClass}>{t('submit')}</button>
        <Message state={state} t={t} />
      </div>
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
      <label className="space-y-1">
        <span className={labelClass}>{t('year')}</span>
        <input name="year" inputMode="numeric" defaultValue={v.year ?? String(defaultYear)} className={inputClass} aria-invalid={invalid(state, 'year')} />
        <FieldError state={state} field="year" t={t} id="ce-year-error" />
      </label>
      <label className="space-y-1">
        <span className={labelClass}>{t('provinceRank')}</span>
        <input name="provinceRank" inputMode="numeric" defaultValue={v.provinceRank} className={inputClass} aria-invalid={invalid(state, 'provinceRank')} />
        <FieldError state={state} field="provinceRank" t={t} id="ce-rank-error" />
      </label>
      <label className="space-y-1">
        <span className={labelClass}>{t('grade')}</span>
        <ResetSafeSelect name="grade" value={grade} onChange={(e) => setGrade(e.target.value)} className={inputClass}>
          <option value="">—</option><option value="A">A</option><option value="B">B</option><option value="C">C</option>
        </ResetSafeSelect>
      </label>
      <label className="space-y-1">
        <span className={labelClass}>{t('score')}</span>
        <input name="score" inputMode="decimal" defaultValue={v.score} className={inputClass} aria-invalid={invalid(state, 'score')} />
        <FieldError state={state} field="score" t={t} id="ce-score-error" />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('sourceLabel')}</span>
        <input name="source" defaultValue={v.source} className={inputClass} aria-invalid={invalid(state, 'source')} />
        <FieldError state={state} field="source" t={t} id="ce-source-error" />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('noteLabel')}</span>
        <input name="note" defaultValue={v.note} className={inputClass} />
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" name="intent" value="draft" disabled={pending} className={secondaryButtonClass}>{t('saveDraft')}</button>
        <button type="submit" name="intent" value="submit" disabled={pending} className={primaryButtonClass}>{t('submit')}</button>
        <Message state={state} t={t} />
      </div>
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
      <label className="text-sm">
        <span className="block text-xs text-slate-700">{t('reason')}</span>
        <input name="reason" defaultValue={state.values?.reason} className={`${inputClass} w-48`} aria-invalid={invalid(state, 'reason')} />
      </label>
      <button type="submit" name="decision" value="approve" disabled={pending} className={primaryButtonClass}>{t('approve')}</button>
      <button type="submit" name="decision" value="return" disabled={pending} className={secondaryButtonClass}>{t('return')}</button>
      <FieldError state={state} field="reason" t={t} id={`br-${id}-reason`} />
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
      <label className="space-y-1">
        <span className={labelClass}>{t('sourceName')}</span>
        <input name="sourceName" defaultValue={v.sourceName ?? '税务部门'} className={inputClass} aria-invalid={invalid(state, 'sourceName')} />
        <FieldError state={state} field="sourceName" t={t} id="sv-name-error" />
      </label>
      <label className="space-y-1">
        <span className={labelClass}>{t('valueLabel')}</span>
        <input name="value" inputMode="decimal" defaultValue={v.value} className={inputClass} aria-invalid={invalid(state, 'value')} />
        <FieldError state={state} field="value" t={t} id="sv-value-error" />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('sourceDocument')}</span>
        <input name="source" defaultValue={v.source} className={inputClass} />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('noteLabel')}</span>
        <input name="note" defaultValue={v.note} className={inputClass} />
      </label>
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
      <label className="text-sm">
        <span className="block text-xs text-slate-700">{t('primarySource')}</span>
        <input name="primarySource" defaultValue={v.primarySource ?? primarySource} className={`${inputClass} w-32`} aria-invalid={invalid(state, 'primarySource')} />
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-700">{t('toleranceMode')}</span>
        <ResetSafeSelect name="toleranceMode" value={mode} onChange={(e) => setMode(e.target.value)} className={inputClass}>
          <option value="relative">{t('modeRelative')}</option>
          <option value="absolute">{t('modeAbsolute')}</option>
        </ResetSafeSelect>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-700">{t('toleranceValue')}</span>
        <input name="tolerance" inputMode="decimal" defaultValue={v.tolerance ?? tolerancePct} className={`${inputClass} w-24`} aria-invalid={invalid(state, 'tolerance')} />
      </label>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>{t('saveRule')}</button>
      <FieldError state={state} field="tolerance" t={t} id={`rule-${indicatorId}-error`} />
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
      <label className="space-y-1">
        <span className={labelClass}>{t('year')}</span>
        <input name="year" inputMode="numeric" defaultValue={v.year ?? String(defaultYear)} className={inputClass} aria-invalid={invalid(state, 'year')} />
        <FieldError state={state} field="year" t={t} id="sf-year-error" />
      </label>
      <label className="space-y-1">
        <span className={labelClass}>{t('valueLabel')}</span>
        <input name="value" inputMode="decimal" defaultValue={v.value} className={inputClass} aria-invalid={invalid(state, 'value')} />
        <FieldError state={state} field="value" t={t} id="sf-value-error" />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('sourceLabel')}</span>
        <input name="source" defaultValue={v.source} className={inputClass} aria-invalid={invalid(state, 'source')} />
        <FieldError state={state} field="source" t={t} id="sf-source-error" />
      </label>
      <label className="space-y-1 sm:col-span-2">
        <span className={labelClass}>{t('noteLabel')}</span>
        <input name="note" defaultValue={v.note} className={inputClass} />
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" name="intent" value="draft" disabled={pending} className={secondaryButtonClass}>{t('saveDraft')}</button>
        <button type="submit" name="intent" value="submit" disabled={pending} className={primaryButtonClass}>{t('submit')}</button>
        <Message state={state} t={t} />
      </div>
    </form>
  );
}
