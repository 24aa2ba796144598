'use client';

import type { ReactNode } from 'react';
import { primaryButtonClass, secondaryButtonClass } from '@/app/_components/form-classes';

/** The confirm and cancel buttons under an import's preview (the figure, key-task, 对标值 and 专栏 imports; see usePreviewImport). */
export function PreviewActions({ pending, onCancel, confirm, confirming, cancel }: { pending: boolean; onCancel: () => void; confirm: ReactNode; confirming: ReactNode; cancel: ReactNode }) {
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <button type="submit" name="intent" value="confirm" className={primaryButtonClass} disabled={pending}>
        {pending ? confirming : confirm}
      </button>
      <button type="button" className={secondaryButtonClass} onClick={onCancel}>
        {cancel}
      </button>
    </div>
  );
}
