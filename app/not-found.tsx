import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('error');
  return (
    <div className="rounded border border-slate-300 bg-white p-4">
      <h1 className="text-lg font-semibold">{t('notFound')}</h1>
      <Link href="/" className="mt-2 inline-block text-brand-700 underline">{t('backHome')}</Link>
    </div>
  );
}
