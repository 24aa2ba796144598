'use client';

import { useActionState } from 'react';
import { saveEvaluationPrefaceAction, type PrefaceFormState } from '@/app/_actions/evaluation';
import { inputClass, labelClass, SubmitButton } from '../form-parts';

/** The editable preface (前言 / 评估说明) of a plan year's evaluation report; admins only (the action checks). */
export function PrefaceForm({ slug, year, text, version }: { slug: string; year: number; text: string; version: number }) {
  const [state, save] = useActionState<PrefaceFormState, FormData>(saveEvaluationPrefaceAction, {});
  const shownText = state.values?.text ?? text;
  const baseVersion = state.version ?? version;
  const error = state.errors?.text?.join('；');
  return (
    <form action={save} className="space-y-2 rounded border border-slate-300 bg-white p-3">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={baseVersion} />
      <label htmlFor="evaluation-preface" className={labelClass}>前言 / 评估说明（随规划保存，写入报告开头）</label>
      <textarea
        id="evaluation-preface"
        name="text"
        key={`${baseVersion}:${shownText.length}`}
        defaultValue={shownText}
        rows={4}
        maxLength={5000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'evaluation-preface-error' : undefined}
        className={inputClass}
      />
      {error && <p id="evaluation-preface-error" className="text-sm text-red-700">{error}</p>}
      {state.currentText !== undefined && (
        <div className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          <p className="font-medium">{state.currentBy ?? '其他人'}保存的版本：</p>
          <p className="whitespace-pre-wrap">{state.currentText || '（空）'}</p>
        </div>
      )}
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="正在保存…">保存前言</SubmitButton>
        {state.message && (
          <p role={state.ok ? 'status' : 'alert'} className={`text-sm ${state.ok ? 'text-green-800' : 'text-red-700'}`}>{state.message}</p>
        )}
      </div>
    </form>
  );
}
