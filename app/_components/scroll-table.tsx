import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen: it scrolls sideways inside this box, shadows at the edges show that
 * more columns are there (pure CSS, .scroll-shadows in globals.css), and a hint says so on phones. The
 * box is focusable so keyboard users can scroll it too.
 */
export async function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const t = await getTranslations('app');
  return (
    <div>
      <p className="mb-1 text-xs text-slate-600 md:hidden" aria-hidden="true">{t('scrollHint')}</p>
      <div role="region" aria-label={label} tabIndex={0} className="scroll-shadows overflow-x-auto rounded border border-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
        {children}
      </div>
    </div>
  );
}
