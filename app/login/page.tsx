import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeNextPath } from '@/lib/auth/next-path';
import { getSessionUser } from '@/lib/auth/session';
import { WORK_QUEUE_PATH } from '@/lib/views/paths';
import { SignInForm } from '../_components/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const requested = Array.isArray(next) ? next[0] : next;
  // no `next`: the sign-in action sends people to 我的待办
  const target = requested ? safeNextPath(requested) : '';
  if (await getSessionUser()) redirect(target || WORK_QUEUE_PATH);
  const t = await getTranslations('auth');
  return (
    <div className="mx-auto mt-4 max-w-sm sm:mt-12">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">{t('signInTitle')}</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600">{t('signInIntro')}</p>
        <SignInForm next={target} />
      </div>
      <p className="mt-4 text-center text-sm text-slate-600">{t('noAccount')}</p>
    </div>
  );
}
