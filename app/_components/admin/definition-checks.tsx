'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { DefinitionCheck } from '@/lib/progress';

/** The definition checks of a plan or of one typed indicator: differences and problems, or "all fine". */
export function DefinitionChecks({
  checks, headingLevel = 'h2', showNames = true, id, testId = 'definition-checks', className = '',
}: { checks: DefinitionCheck[]; headingLevel?: 'h2' | 'h3'; showNames?: boolean; id: string; testId?: string; className?: string }) {
  const t = useTranslations('plansAdmin.checks');
  const locale = useLocale();
  const Heading = headingLevel;
  return (
    <section aria-labelledby={id} aria-live="polite" className={`rounded border border-slate-200 bg-white p-4 ${className}`} data-testid={testId}>
      <Heading id={id} className="text-base font-semibold">{t('title')}</Heading>
      {checks.length === 0 ? (
        <p className="mt-2 text-sm text-green-900">{t('none')}</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {checks.map((check) => (
            <li key={check.sequence} className="rounded border border-amber-200 bg-amber-50 px-3 py-2">
              {showNames && <p className="font-medium">{check.sequence}. {check.name}</p>}
              <ul className="mt-0.5 list-disc space-y-0.5 pl-5 text-slate-800">
                {check.differences.map((d) => (
                  <li key={d.field}>{t(`difference.${d.field}`, { stated: d.stated, implied: d.implied })}</li>
                ))}
                {check.problems.map((p, i) => (
                  <li key={`${p.field}-${i}`}>
                    {locale === 'en' ? p.message : p.messageZh}
                    {p.blocking && <span className="ml-1 text-amber-900">{t('blocking')}</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
