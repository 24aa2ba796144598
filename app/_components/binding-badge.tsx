import { useTranslations } from 'next-intl';
import type { IndicatorAttribute } from '@/lib/data/types';

/** 约束性: a small mark wherever a binding indicator appears (expected indicators show nothing). */
export function BindingBadge({ attribute }: { attribute: IndicatorAttribute }) {
  const t = useTranslations('attribute');
  if (attribute !== 'binding') return null;
  return (
    <span data-testid="binding-badge" className="ml-1 inline-block whitespace-nowrap rounded border border-red-700 px-1 text-[0.7rem] font-medium leading-4 text-red-800 align-middle">
      {t('binding')}
    </span>
  );
}
