'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import {
  archiveIndicatorAction,
  archivePlanAction,
  moveIndicatorAction,
  removeIndicatorAction,
  setCurrentPlanAction,
  type PlanFormState,
} from '@/app/_actions/plans';
import { secondaryButtonClass } from '../form-parts';
import { PlanMessage } from './plan-parts';

const EMPTY: PlanFormState = {};
const smallButton = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-wait disabled:opacity-60';

/** 设为当前 and 归档 for one plan; a refusal (e.g. archiving the current plan) is explained beside it. */
export function PlanRowActions({ slug, name, isCurrent, archived }: { slug: string; name: string; isCurrent: boolean; archived: boolean }) {
  const t = useTranslations('plansAdmin.list');
  const [currentState, setCurrent] = useActionState(setCurrentPlanAction, EMPTY);
  const [archiveState, archive] = useActionState(archivePlanAction, EMPTY);
  const shown = archiveState.message && !archiveState.ok ? archiveState : currentState.message && !currentState.ok ? currentState : null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        {!isCurrent && !archived && (
          <form action={setCurrent}>
            <input type="hidden" name="slug" value={slug} />
            <button type="submit" className={secondaryButtonClass} aria-label={`${t('setCurrent')} ${name}`}>{t('setCurrent')}</button>
          </form>
        )}
        {!archived && (
          <form action={archive} onSubmit={(e) => { if (!window.confirm(t('archiveConfirm', { name }))) e.preventDefault(); }}>
            <input type="hidden" name="slug" value={slug} />
            <button type="submit" className={secondaryButtonClass} aria-label={`${t('archive')} ${name}`}>{t('archive')}</button>
          </form>
        )}
      </div>
      {shown && <div className="max-w-xs text-left"><PlanMessage state={shown} /></div>}
    </div>
  );
}

/** Move up/down, archive and remove for one indicator of the plan page. */
export function IndicatorRowActions({ planSlug, id, name, first, last }: { planSlug: string; id: number; name: string; first: boolean; last: boolean }) {
  const t = useTranslations('plansAdmin.indicators');
  const [moveState, move] = useActionState(moveIndicatorAction, EMPTY);
  const [archiveState, archive] = useActionState(archiveIndicatorAction, EMPTY);
  const [removeState, remove] = useActionState(removeIndicatorAction, EMPTY);
  const refused = [removeState, archiveState, moveState].find((s) => s.message && !s.ok);
  const hidden = (
    <>
      <input type="hidden" name="planSlug" value={planSlug} />
      <input type="hidden" name="id" value={id} />
    </>
  );
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <form action={move}>
          {hidden}
          <input type="hidden" name="direction" value="up" />
          <button type="submit" disabled={first} className={smallButton} aria-label={t('moveUpLabel', { name })} title={t('moveUp')}>↑</button>
        </form>
        <form action={move}>
          {hidden}
          <input type="hidden" name="direction" value="down" />
          <button type="submit" disabled={last} className={smallButton} aria-label={t('moveDownLabel', { name })} title={t('moveDown')}>↓</button>
        </form>
        <form action={archive} onSubmit={(e) => { if (!window.confirm(t('archiveConfirm', { name }))) e.preventDefault(); }}>
          {hidden}
          <button type="submit" className={smallButton} aria-label={t('archiveLabel', { name })}>{t('archive')}</button>
        </form>
        <form action={remove} onSubmit={(e) => { if (!window.confirm(t('removeConfirm', { name }))) e.preventDefault(); }}>
          {hidden}
          <button type="submit" className={`${smallButton} text-red-800`} aria-label={t('removeLabel', { name })}>{t('remove')}</button>
        </form>
      </div>
      {refused && <div className="max-w-xs text-left"><PlanMessage state={refused} /></div>}
    </div>
  );
}
