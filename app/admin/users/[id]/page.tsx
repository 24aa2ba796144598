import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/session';
import { ResetPasswordForm } from '../../../_components/admin/reset-password-form';
import { UserAccessForm } from '../../../_components/admin/user-access-form';
import { UserStatusForm } from '../../../_components/admin/user-status-form';
import { loadCurrentPlan, loadTaskPlan, loadUser } from '@/lib/loaders';
import { programmeHeading } from '@/lib/progress';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('usersTitle') };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePageUser('users.manage');
  const { id } = await params;
  const [user, plan, t, tRoles] = await Promise.all([loadUser(decodeURIComponent(id)), loadCurrentPlan(), getTranslations('admin'), getTranslations('auth.roles')]);
  if (!user) notFound();
  const indicators = (plan?.indicators ?? []).map((i) => ({ id: i.id, label: `${i.sequence}. ${i.name}`, category: i.category.name }));
  const tasks = plan ? await loadTaskPlan(plan.id) : null;
  const actions = (tasks?.programmes ?? []).flatMap((p) => p.actions.map((a) => ({ id: a.id, label: `${a.number}. ${a.name}`, programme: programmeHeading(p) })));
  const isSelf = user.id === me.id;
  return (
    <div className="space-y-5">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">← {t('user.back')}</Link>
      <header>
        <h1 className="text-xl font-semibold sm:text-2xl">
          {user.name}
          {isSelf && <span className="ml-2 text-base font-normal text-slate-500">{t('user.self')}</span>}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{user.username}</span> · {tRoles(user.role)} · {user.disabled ? t('status.disabled') : t('status.active')}
        </p>
      </header>
      <section aria-labelledby="access-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="access-heading" className="mb-3 text-base font-semibold">{t('user.accessTitle')}</h2>
        <UserAccessForm userId={user.id} role={user.role} allIndicators={user.allIndicators} indicatorIds={user.indicatorIds} indicators={indicators} actionIds={user.actionIds} actions={actions} />
      </section>
      <section aria-labelledby="password-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="password-heading" className="mb-3 text-base font-semibold">{t('user.passwordTitle')}</h2>
        <ResetPasswordForm userId={user.id} />
      </section>
      {!isSelf && (
        <section aria-labelledby="status-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="status-heading" className="mb-3 text-base font-semibold">{t('user.statusTitle')}</h2>
          <UserStatusForm userId={user.id} disabled={user.disabled} />
        </section>
      )}
    </div>
  );
}
