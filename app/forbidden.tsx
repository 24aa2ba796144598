import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

// Shown with status 403 when a signed-in user opens a page their role may not see (forbidden()).
export default async function Forbidden() {
  const t = await getTranslations('auth');
  return (
    <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-4">
      <h1 className="text-lg font-semibold text-amber-950">{t('forbiddenTitle')}</h1>
      <p className="mt-1 text-sm text-amber-950">{t('forbiddenText')}</p>
      <Link href="/" className="mt-3 inline-block text-brand-700 underline">{t('backHome')}</Link>
    </div>
  );
}
